"""Demo data: English texts of the site, keyed like content_bn. Built by site.py and pages.py.

The meeting minutes and the good practices are faithful English renderings of the Bengali seed
documents; everything else is written for the demo.
"""

SITE = {
    "name": "Ministry of Labour and Employment",
    "tagline": "Decent work, safe workplaces",
    "address": "Bangladesh Secretariat, Dhaka-1000",
}

HOME = {
    "title": "Home",
    "hero_title": "Decent work and safe workplaces for all",
    "hero_text": (
        "<p>Services, notices and information of the <b>Ministry of Labour and Employment</b> and the "
        "<b>Department of Labour</b> in one place: for workers' rights and welfare, sound industrial relations "
        "and safe workplaces.</p>"
    ),
    "quick_links": [
        ("Service box", "services", "", "Which service, which papers, how long, whom to ask"),
        ("Citizen charter", "citizen-charter", "", "Our service pledges and how to seek redress"),
        ("Innovation corner", "innovation-corner", "", "Innovation action plan, selected ideas and meeting minutes"),
        (
            "File a complaint",
            None,
            "/en/complaints/new/",
            "Not served as promised? Complain online, follow it by its tracking number",
        ),
        ("Contact", "contact", "", "Send a question or suggestion"),
        ("Ministry website", None, "https://www.mole.gov.bd", "Ministry of Labour and Employment"),
        ("Bangladesh National Portal", None, "https://bangladesh.gov.bd", "All government services"),
    ],
}

ABOUT = {
    "title": "About us",
    "intro": (
        "The Ministry of Labour and Employment makes policy to secure workers' rights and welfare, sound "
        "industrial relations and safe workplaces, and carries it out through the departments and agencies under it."
    ),
    "body": [
        ("heading", "Vision"),
        ("paragraph", "<p>Decent working conditions and good worker-employer relations in every sector.</p>"),
        ("heading", "Mission"),
        (
            "paragraph",
            "<p>To raise productivity by enforcing labour laws and policies, securing workers' welfare and "
            "occupational safety, and settling industrial disputes through bipartite and tripartite dialogue.</p>",
        ),
        ("image", {"image": "about-banner", "caption": "Ministry of Labour and Employment"}),
        ("heading", "Departments and agencies"),
        (
            "table",
            [
                ["Department / agency", "Main work"],
                [
                    "Department of Labour",
                    "Trade union registration, settlement of industrial disputes, labour welfare and training",
                ],
                [
                    "Department of Inspection for Factories and Establishments",
                    "Inspection of factories and establishments, occupational health and safety",
                ],
                ["Bangladesh Labour Welfare Foundation", "Financial assistance to workers and their families"],
                ["Minimum Wage Board", "Recommends minimum wage rates sector by sector"],
            ],
        ),
        ("document", {"document": "allocation-of-business", "title": "Allocation of business of the ministry (PDF)"}),
        ("heading", "Main functions"),
        (
            "accordion",
            [
                (
                    "Labour policy and labour law",
                    "<p>Making, updating and overseeing the National Labour Policy, the Bangladesh Labour Act, 2006 "
                    "and the Bangladesh Labour Rules, 2015.</p>",
                ),
                (
                    "Industrial relations",
                    "<p>Registering trade unions, determining collective bargaining agents and settling industrial "
                    "disputes through conciliation.</p>",
                ),
                (
                    "Workers' welfare",
                    "<p>Medical and recreation services at labour welfare centres, financial assistance from the "
                    "Labour Welfare Foundation and oversight of workers' participation funds.</p>",
                ),
                (
                    "Occupational health and safety",
                    "<p>Inspecting factories and establishments, preventing accidents and carrying out the "
                    "<i>National Occupational Health and Safety Policy, 2013</i>.</p>",
                ),
            ],
        ),
    ],
}

GOOD_PRACTICES = {
    "title": "Good practices",
    "intro": (
        "The Ministry of Labour and Employment is working tirelessly to carry out Vision 2021 and to keep up the "
        "progress of Digital Bangladesh. As part of this effort, the ministry has taken the following steps as good "
        "practices."
    ),
    "body": [
        ("heading", "Good practices of the Ministry of Labour and Employment"),
        ("paragraph", "<p>Md. Mohidur Rahman<br/>Deputy Secretary<br/>Ministry of Labour and Employment</p>"),
    ],
}

PRACTICES = {
    "task-management": (
        "Task Management and Monitoring System",
        "This system was introduced to bring pace, transparency and accountability to the ministry's work. It is "
        "used to monitor whether the duties assigned to the ministry's officers are being completed properly and on "
        "time. With it, the ministry's officers can also easily manage their daily schedules and the documents they "
        "need. In future, the work of all departments, offices and agencies under the ministry will be brought onto "
        "this digital platform.",
    ),
    "personal-information-management": (
        "Personal Information Management System",
        "Development of the software has been completed. The detailed records of all officers and staff of the "
        "ministry and of the departments, offices and agencies under it are now being entered. With this software, "
        "all the necessary information on every officer and staff member (personal details, joining, transfers, "
        "training, leave, monthly pay and more) will be available instantly.",
    ),
    "requisition-inventory": (
        "Requisition and Inventory Management System",
        "Through this system, all officers and staff of the ministry submit their requisitions for stationery, "
        "office equipment and everything else online. Before, requisition slips were printed again and again in the "
        "various sections, which wasted money and disrupted office work. The software also gives instant information "
        "on all of the ministry's purchasing, procurement, storage and distribution, ensuring transparency and "
        "accountability in the work of the section concerned.",
    ),
    "citizen-charter-complaints": (
        "Complaint system for deviations from the Citizen Charter",
        "This online system was introduced to receive complaints about deviations from the services promised in the "
        "Citizen Charter of the Ministry of Labour and Employment. Anyone, from anywhere, can easily send any "
        "complaint concerning the ministry online. Complaints received through the system are then dealt with and "
        "settled quickly. This ensures transparency and accountability in the ministry's service delivery.",
    ),
    "writ-case-database": (
        "Writ Case Database and Monitoring System",
        "This software was developed to manage and monitor properly the writ cases of the Ministry of Labour and "
        "Employment and of the departments, offices and agencies under it. Information on all writ cases of the "
        "ministry and of its departments, offices and agencies has been entered into the system and is updated "
        "regularly.",
    ),
    "immovable-property-database": (
        "Immovable Property Database and Monitoring System",
        "A database of the immovable property of the ministry and of the offices and departments under it has been "
        "built, and all the relevant information has been entered.",
    ),
    "e-nothi": (
        "Implementing e-Nothi",
        "To speed up the government's digital work, the official business of the Ministry of Labour and Employment "
        "and of the departments, offices and agencies under it is being disposed of through e-Nothi (electronic "
        "files). Besides ensuring transparency, this saves a great deal of time, labour and money. According to the "
        "July 2019 report published in the e-Nothi system, the Ministry of Labour and Employment ranked fourth among "
        "medium-category ministries in the use of e-filing, and among departments the Department of Inspection for "
        "Factories and Establishments under this ministry ranked first and the Department of Labour sixth.",
    ),
    "e-tendering": (
        "Implementing e-Tendering",
        "To ensure accountability and transparency in the ministry's purchasing and spending, procurement is carried "
        "out through e-tendering.",
    ),
    "digital-attendance": (
        "Implementing digital attendance",
        "A digital attendance system has been introduced for all officers and staff of the Ministry of Labour and "
        "Employment to record their daily arrival and departure. As a result, everyone's working hours in the "
        "ministry are put to proper use.",
    ),
    "website-social-media": (
        "Use of the website and social media",
        "The ministry's website, in Bengali and in English (mole.gov.bd), is updated regularly. Information on the "
        "activities and services of the ministry and of the departments, offices and agencies under it is also "
        "published regularly on social media.",
    ),
    "ict-support": (
        "Online ICT Support System",
        "Through this system, the ministry's ICT support requests are received online and dealt with promptly. A "
        "database of these requests is also being built, which helps in providing the service.",
    ),
}

NOTICE_INDEX = {
    "title": "Notices",
    "intro": (
        "<p>General notices, recruitment and tender notices, training announcements and office orders of the "
        "Department of Labour and its offices.</p>"
    ),
}

# key: (title, summary, body, [attachment titles in the order of content_bn])
NOTICES = {
    "innovation-review-minutes-2021": (
        "Minutes of the review meeting on the e-Governance and Innovation Action Plan",
        "The minutes of the meeting of 23 November 2021 that reviewed progress in carrying out the e-Governance and "
        "Innovation Action Plan have been published.",
        "<p>The minutes of the meeting held by the Department of Labour's IT and Development Cell are published for "
        "the information and action of all concerned. The full text is in the Innovation Corner.</p>",
        ["Minutes of the meeting"],
    ),
    "worker-training-2022": (
        "Call for workers to join training courses (January-March 2022)",
        "Workers interested in three-day training courses on labour law and occupational health and safety at the "
        "Labour Welfare Centre, Tongi, Gazipur are invited to send their names.",
        "<p>Each course takes 30 workers. Names can be registered through the establishment or directly at the "
        "Labour Welfare Centre. Certificates are given at the end of the training.</p>",
        [],
    ),
    "tender-computers-2022": (
        "Tender notice: computers and accessories",
        "Tenders are invited through e-GP for desktop computers, printers and accessories for the Department of "
        "Labour.",
        "<p>Tender documents are available on the e-GP portal (www.eprocure.gov.bd). See the attached notice for "
        "details.</p>",
        ["Tender notice"],
    ),
    "office-order-e-nothi-2022": (
        "Office order: official business to be done in e-Nothi",
        "From 1 July 2022, official letters and files of the Department of Labour and all its offices are to be "
        "disposed of through e-Nothi.",
        "<p>All concerned are directed to receive, submit and dispose of all letters in e-Nothi, except urgent and "
        "confidential matters. This order takes effect at once.</p>",
        [],
    ),
    "recruitment-office-assistant-2022": (
        "Recruitment notice: office assistant cum computer typist",
        "Online applications are invited for the revenue-funded post of office assistant cum computer typist at the "
        "Department of Labour.",
        "<p>Qualifications, age limit and the closing date are given in the attached notice. Only applications "
        "submitted online will be accepted.</p>",
        ["Recruitment notice"],
    ),
    "welfare-centre-medical-hours-2023": (
        "Hours of the free medical service at the Labour Welfare Centre",
        "The Labour Welfare Centre, Tongi, Gazipur gives workers and their families free medical care from Sunday to "
        "Thursday, 9 a.m. to 3 p.m.",
        "<p>Please bring a worker's identity card or a certificate from the establishment. First aid, maternal and "
        "child health care and the necessary medicines are free of charge.</p>",
        [],
    ),
    "may-day-2023": (
        "Programme for May Day 2023",
        "The Department of Labour and its offices will hold a number of events to celebrate May Day 2023 with due "
        "dignity.",
        "<p>The programme includes processions, discussion meetings and cultural events at the labour welfare "
        "centres. Heads of office are asked to carry out the programme.</p>",
        [],
    ),
    "industrial-relations-training-2023": (
        "Industrial relations training for trade union leaders",
        "The Industrial Relations Institute, Rajshahi will hold a five-day course on industrial relations and "
        "collective bargaining for trade union leaders.",
        "<p>Registered trade unions are asked to send the names of two representatives each to the office of the "
        "Institute's Deputy Director.</p>",
        [],
    ),
    "tender-furniture-tongi-2023": (
        "Tender notice: furniture for the Labour Welfare Centre, Tongi",
        "Tenders are invited through e-GP for the supply of furniture to the Labour Welfare Centre, Tongi, Gazipur.",
        "<p>Tender documents are to be obtained from, and submitted on, the e-GP portal. See the attached notice for "
        "details.</p>",
        ["Tender notice"],
    ),
    "office-order-integrity-2024": (
        "Office order on carrying out the National Integrity Strategy action plan",
        "A focal point and an alternate focal point of the Department of Labour's ethics committee are nominated to "
        "carry out the National Integrity Strategy action plan for 2023-24.",
        "<p>The focal point will send a progress report on the action plan to the Director General every quarter.</p>",
        [],
    ),
    "union-audit-report-reminder-2024": (
        "Submission of trade unions' annual audit reports",
        "All registered trade unions are asked to submit their audited accounts of income and expenditure for the "
        "past year to the divisional labour office concerned.",
        "<p>The form is on the Downloads page. Unions that do not submit their report in time may face action under "
        "the Bangladesh Labour Act, 2006.</p>",
        ["Audit report submission form"],
    ),
    "result-data-entry-operator-2024": (
        "Result of the written test for data entry operator",
        "The roll numbers of the candidates who passed the written test for the post of data entry operator at the "
        "Department of Labour are published.",
        "<p>The schedule of the practical test will be announced later.</p>",
        ["Result of the written test"],
    ),
    "e-nothi-training-2025": (
        "Nomination of officers for e-Nothi training",
        "Each office is asked to nominate two officers for a two-day e-Nothi training organised by the IT and "
        "Development Cell.",
        "<p>Please e-mail the names, designations and mobile numbers of the nominees to the IT and Development "
        "Cell.</p>",
        [],
    ),
    "may-day-2025": (
        "May Day 2025",
        "For May Day 2025, processions and discussion meetings will be held on 1 May at the Department of Labour and "
        "its offices.",
        "<p>Heads of office are asked to hold discussion meetings with representatives of workers, employers and "
        "the government.</p>",
        [],
    ),
}

SERVICE_BOX = {
    "title": "Service box",
    "intro": (
        "<p>The services of the Department of Labour and its offices: who can use them, which papers are needed, the "
        "fee, how long they take and whom to contact.</p>"
    ),
}

SERVICES = {
    "trade-union-registration": {
        "title": "Trade union registration",
        "summary": "Receiving and examining applications to register establishment-level and group-of-establishments "
        "trade unions, and issuing the registration certificate.",
        "eligibility": "<p>Workers of an establishment may apply to register a trade union when at least 20 per cent "
        "of all the workers employed there are members.</p>",
        "documents_needed": "<ul><li>Application in the prescribed form</li><li>Three copies of the union's "
        "constitution</li><li>Minutes of the general meeting</li><li>Names, posts and national ID card copies of the "
        "executive committee members</li><li>List of members and proof of subscription</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Apply to the divisional labour office with the required papers",
            "The application and papers are examined, with a field inquiry if needed",
            "Any defects are notified to the applicant in writing for correction",
            "The registration certificate is issued once the conditions are met",
        ],
        "online_url": "",
    },
    "training-e-certificate": {
        "title": "Downloading and verifying training e-certificates",
        "summary": "Trainees who complete a workers' training course at an industrial relations institute receive an "
        "e-certificate with a QR code. They download it from the portal with its serial and their mobile number; "
        "anyone can check that a certificate is genuine by scanning its QR code or entering its serial.",
        "eligibility": "<p>Trainees who completed a course at an industrial relations institute; anyone (an employer, "
        "say) may verify a certificate.</p>",
        "documents_needed": "<ul><li>The certificate's serial, or the batch number (sent by SMS)</li>"
        "<li>The mobile number given at the course</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "After the institute head's approval, receive the certificate's link by SMS",
            "On the portal's 'Find your training certificate' page, enter the serial and the mobile number",
            "See the certificate and download it as a PDF",
            "Verify it by scanning its QR code, or by entering its serial on the verification page",
        ],
        "online_url": "/en/training/certificates/",
    },
    "union-audit-report-certification": {
        "title": "Receipt and certification of trade unions' annual audit reports",
        "summary": "Receiving and examining the audited annual accounts of registered trade unions and issuing a "
        "certificate.",
        "eligibility": "<p>All trade unions and federations registered with the divisional labour office.</p>",
        "documents_needed": "<ul><li>Annual statement of income and expenditure in the prescribed form</li>"
        "<li>Auditor's report</li><li>Union's registration number and list of the executive committee</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Submit the audit report in the prescribed form",
            "The office examines the accounts",
            "Further information is requested if needed",
            "The certificate is issued",
        ],
        "online_url": "",
    },
    "industrial-dispute-conciliation": {
        "title": "Conciliation in industrial disputes",
        "summary": "Conciliation by a conciliator to settle, through dialogue, industrial disputes raised between "
        "employers and workers.",
        "eligibility": "<p>A collective bargaining agent (CBA) or an employer who could not settle a dispute in "
        "bipartite talks after a charter of demands was served.</p>",
        "documents_needed": "<ul><li>Written request for conciliation</li><li>The charter of demands and proof that "
        "it was served</li><li>Minutes of the bipartite talks (if any)</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Apply in writing to the conciliator",
            "Both parties are given notice of a conciliation meeting",
            "If they agree, both parties sign a memorandum of settlement",
            "If they do not, the conciliator issues a certificate of failure",
        ],
        "online_url": "",
    },
    "welfare-centre-medical-service": {
        "title": "Medical service at the Labour Welfare Centre",
        "summary": "Free first aid, maternal and child health care, family planning advice and medicines for workers "
        "and their families.",
        "eligibility": "<p>Workers in the formal and informal sectors and members of their families.</p>",
        "documents_needed": "<ul><li>Worker's identity card or a certificate from the establishment</li><li>Earlier "
        "prescriptions (if any)</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Register at the centre's reception",
            "See the medical officer and get a prescription",
            "Collect free medicines from the pharmacy",
        ],
        "online_url": "",
    },
    "welfare-foundation-assistance": {
        "title": "Financial assistance from the Bangladesh Labour Welfare Foundation",
        "summary": "Financial assistance from the Labour Welfare Foundation fund for death or permanent disability "
        "from an accident at work, treatment of serious illness, and higher education of workers' children.",
        "eligibility": "<p>Workers in the formal or informal sector, or the dependants of a deceased worker.</p>",
        "documents_needed": "<ul><li>Application in the prescribed form</li><li>Copy of the national ID card</li>"
        "<li>Certificate from the employer or a local elected representative</li><li>Medical papers or death "
        "certificate (as applicable)</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Get the application form from the Downloads page and fill it in",
            "Submit the application with the required papers to the Foundation",
            "The screening committee examines the application",
            "The approved amount is sent to the applicant's bank account",
        ],
        "online_url": "/en/downloads/?category=form",
    },
    "participation-fund": {
        "title": "Workers' participation fund and welfare fund",
        "summary": "Advice and oversight on setting up and distributing the workers' participation and welfare funds, "
        "formed from 5 per cent of a company's net profit, and on complaints about them.",
        "eligibility": "<p>Companies to which Chapter XV of the Bangladesh Labour Act, 2006 applies, and the workers "
        "entitled to benefit.</p>",
        "documents_needed": "<ul><li>The company's audited annual accounts</li><li>List of the fund's board of "
        "trustees</li><li>For complaints, a written complaint and supporting evidence</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Submit a written application or complaint to the Department of Labour",
            "The company's accounts and the fund's papers are examined",
            "Both sides are heard if needed",
            "A decision and any necessary directions are issued",
        ],
        "online_url": "",
    },
    "library-reprography": {
        "title": "Library and reprography service of the Industrial Relations Institute",
        "summary": "Reading books, journals and documents on labour law, industrial relations and trade unions, with "
        "photocopying, scanning and printing of the parts needed.",
        "eligibility": "<p>Trainees, workers, trade union representatives, researchers and interested readers.</p>",
        "documents_needed": "<ul><li>National ID card or trainee identity card</li></ul>",
        "fee": "Reading is free; copies and prints at the government rate",
        "steps": [
            "Sign the library register",
            "Ask for the book or document",
            "Fill in the reprography request form if you need copies",
            "Copies are supplied the same day",
        ],
        "online_url": "",
    },
    "industrial-relations-training": {
        "title": "Industrial relations training course",
        "summary": "Short courses on labour law, industrial relations and collective bargaining for workers, trade "
        "union representatives and managers.",
        "eligibility": "<p>Workers employed in establishments, representatives of registered trade unions and officers "
        "nominated by employers.</p>",
        "documents_needed": "<ul><li>Nomination from the establishment or union</li><li>Copy of the national ID "
        "card</li><li>One passport-size photograph</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "Send nominations as announced in the training notice",
            "The Institute selects the trainees",
            "Attend the training",
            "A certificate is given at the end of the course",
        ],
        "online_url": "",
    },
    "citizen-charter-complaint": {
        "title": "Complaints about deviations from the Citizen Charter",
        "summary": "Receiving, investigating and settling within the set time complaints from people who did not get a "
        "service as promised in the Citizen Charter.",
        "eligibility": "<p>Anyone who did not get a promised service from the Department of Labour or one of its "
        "offices.</p>",
        "documents_needed": "<ul><li>Description of the complaint</li><li>Copy of the related application or receipt "
        "(if any)</li><li>Contact address and mobile number</li></ul>",
        "fee": "Free of charge",
        "steps": [
            "File the complaint with the online complaint form of this site, or in writing at the office",
            "The grievance redress officer (GRO) records the complaint and acknowledges it",
            "Investigation, with a hearing if needed",
            "The decision is sent to the complainant",
        ],
        "online_url": "/en/complaints/new/",
    },
}

CITIZEN_CHARTER = {
    "title": "Citizen charter",
    "intro": (
        "<p>The service pledges of the Department of Labour and its offices: which service, which papers, what fee, "
        "how long and from whom.</p>"
    ),
    "grievance_text": (
        "<p>If you have a problem getting a service, first contact the officer responsible. If that does not solve "
        "it, complain to the grievance redress officer (GRO), <b>Md. Belal Hossain Sheikh</b>, Director "
        "(Administration, Accounts and General), Department of Labour, who will settle it within 30 working days. "
        "If it is still not solved, you can appeal to the appellate officer, the Director General of the Department "
        "of Labour, who will decide within 20 working days.</p>"
        "<p>Complain with the online complaint form below: it goes straight "
        "to the GRO of the office concerned, and you follow it by its tracking number.</p>"
    ),
}

DIRECTORY = {
    "title": "Officer directory",
    "intro": (
        "<p>Names, designations and contact details of the officers of the ministry, the Department of Labour and "
        "its field offices. Search by name, designation or office.</p>"
    ),
}

DOWNLOADS = {
    "title": "Downloads",
    "intro": "<p>Labour laws, rules, policies, application forms and reports.</p>",
    # titles in the order of content_bn.DOWNLOADS["items"]
    "items": [
        "Bangladesh Labour Act, 2006",
        "Bangladesh Labour (Amendment) Act, 2018",
        "Bangladesh Labour Welfare Foundation Act, 2006",
        "Bangladesh Labour Rules, 2015",
        "National Labour Policy, 2012",
        "National Occupational Health and Safety Policy, 2013",
        "Application form for trade union registration",
        "Form for submitting a trade union's annual audit report",
        "Application form for financial assistance from the Labour Welfare Foundation",
        "Department of Labour annual report 2022-23",
        "e-Governance and Innovation Action Plan 2021-2022",
    ],
}

INNOVATION = {
    "title": "Innovation corner",
    "intro": (
        "<p>The Department of Labour's Innovation Team works on simplifying and digitising services and on carrying "
        "out innovative ideas. The yearly innovation action plan, the selected ideas and the minutes of the "
        "Innovation Team's meetings are published here.</p>"
    ),
    "action_plan_year": "2021-2022",
    "action_plan": (
        "<ul><li>Monthly meetings of the Innovation Team</li>"
        "<li>Calling for and screening e-governance, service simplification and innovation ideas from the offices</li>"
        "<li>Piloting and carrying out the selected ideas</li>"
        "<li>An in-country training workshop for 30 trainees</li>"
        "<li>Keeping the portal's Innovation Corner and service box up to date</li></ul>"
    ),
}

IDEAS = {
    "training-e-certificate-idea": {
        "title": "Introducing e-certificates for worker training courses",
        "proposer_name": "Dr. Ferdous Akter",
        "proposer_designation": "Senior Medical Officer",
        "problem": "<p>Certificates for the worker training courses held at the Labour Welfare Centre are written by "
        "hand and printed. Trainees have to come back to the office to collect them, a lost certificate takes time to "
        "replace, and employers cannot easily check that a certificate is genuine.</p>",
        "solution": "<p>At the end of a course, each trainee will get an e-certificate with a QR code by SMS and "
        "e-mail. Anyone will be able to check a certificate on the portal with its number.</p>",
        "expected_benefit": "<p>Less time, cost and travel (TCV) to get a certificate; no room for forged "
        "certificates; training records kept in one database.</p>",
    },
    "online-union-audit-report": {
        "title": "Receiving trade unions' annual income and expenditure audit reports and certifying them online",
        "proposer_name": "Mr. Md. Shafiqur Rahman",
        "proposer_designation": "Assistant Director",
        "problem": "<p>Every year trade unions have to hand in their audit reports in person at the divisional "
        "labour office and come back more than once for the certificate. With paper files it is also hard to know "
        "where a report stands.</p>",
        "solution": "<p>Audit reports will be submitted and checked online and a digital certificate issued; the "
        "applicant will be told of every step by SMS.</p>",
        "expected_benefit": "<p>Fewer trips for union leaders, more reports submitted on time, and easier oversight "
        "for the office.</p>",
    },
    "library-reprography-idea": {
        "title": "Providing a reprography service in the library",
        "proposer_name": "Ms. Chandana Rani",
        "proposer_designation": "Librarian",
        "problem": "<p>Many books and documents in the Industrial Relations Institute's library can only be read in "
        "the reading room; readers have to go elsewhere to copy the parts they need.</p>",
        "solution": "<p>Photocopying, scanning and printing (reprography) will be offered in the library itself at a "
        "set fee, and every request recorded in a register.</p>",
        "expected_benefit": "<p>Readers and trainees save time and travel, and rare books no longer have to leave "
        "the library.</p>",
    },
}
IDEA_FISCAL_YEAR = "2021-2022"

MINUTES = {
    "letterhead": (
        "Government of the People's Republic of Bangladesh\n"
        "Ministry of Labour and Employment\n"
        "Department of Labour\n"
        "Information Technology and Development Cell"
    ),
    "title": "Minutes of the meeting reviewing progress in implementing the e-Governance and Innovation Action Plan",
    "chair": "Md. Belal Hossain Sheikh, Director (Administration, Accounts and General, and Innovation Officer)",
    "meeting_time": "11:00 a.m.",
    "venue": "Conference room of the Director General",
    "attendance": "As in Appendix 'A'.",
    "proceedings": (
        "The Chair opened the meeting by welcoming the members of the Innovation Team. With the Chair's permission, "
        "the Member Secretary of the committee presented the agenda item by item. The meeting discussed carrying out "
        "the activities of the Innovation Action Plan for the 2021-2022 fiscal year. The Chair urged all officers to "
        "give importance to the practice of the e-Governance and Innovation Action Plan. After scrutinising the 32 "
        "e-governance, service simplification and innovation ideas received in the 2021-2022 fiscal year from the "
        "offices under the Department of Labour, the meeting identified 03 ideas (innovative, digitised service and "
        "service simplification)."
    ),
    "decisions_intro": "After discussion, the meeting unanimously took the following decisions.",
    "decisions": [
        (
            "e-Governance and Innovation Action Plan 2021-2022",
            "It was decided to conduct the Department of Labour's e-governance and innovation activities in line with "
            "the e-Governance and Innovation Action Plan 2021-2022 and, accordingly, to update the Innovation Corner "
            "and all service boxes of the web portal.",
            "Innovation Team",
        ),
        (
            "Innovative, service simplification and digital services",
            "(It was decided to implement the following 03 ideas from the e-governance, service simplification and "
            "innovation ideas of the 2021-2022 fiscal year.)\n"
            "1. Innovative idea: Introducing e-certificates for worker training courses. Idea from: Dr. Ferdous "
            "Akter, Senior Medical Officer, Labour Welfare Centre, Tongi, Gazipur.\n"
            "2. Digital service: Receiving trade unions' annual income and expenditure audit reports and certifying "
            "them online. Idea from: Mr. Md. Shafiqur Rahman, Assistant Director, Divisional Labour Office, "
            "Chattogram.\n"
            "3. Service simplification: Providing a reprography service in the library. Idea from: Ms. Chandana "
            "Rani, Librarian, Industrial Relations Institute, Rajshahi.",
            "Innovation Team / idea providers / offices concerned: to be implemented in line with the action plan.",
        ),
        (
            "In-country training/workshop under the Innovation Action Plan",
            "It was decided to complete as soon as possible an in-country training workshop for 30 trainees in line "
            "with the Department of Labour's action plan for the 2020-21 fiscal year.",
            "Innovation Team / Accounts Section",
        ),
    ],
    "closing": "There being no other business, the Chair thanked everyone and declared the meeting closed.",
    "signatory_name": "Md. Belal Hossain Sheikh",
    "signatory_designation": "Director (Administration, Accounts and General, and\nInnovation Officer)",
    "memo_number": "40.02.0000.043.66.007.19.53",
    "distribution_heading": "Distribution (not in order of seniority):",
    "distribution": [
        "Director, Director (Planning, Statistics and Information Technology), Department of Labour",
        "Director, Divisional Labour Office, Chattogram",
        "Deputy Director, Industrial Relations Institute, Terokhada, Rajshahi.",
        "Deputy Director, Deputy Director (Labour Welfare and Recreation), Department of Labour",
        "Senior Medical Officer, Labour Welfare Centre, Tongi, Gazipur",
        "Assistant Director, Office of the Director, Divisional Labour Office, Chattogram",
        "Accounts Officer, Accounts Section, Department of Labour",
        "Librarian (routine charge), Office of the Deputy Director, Industrial Relations Institute, Terokhada, "
        "Rajshahi.",
        "Stenographer cum Computer Operator, Office of the Director General, Department of Labour (for the kind "
        "information of the Director General).",
        "Stenographer cum Computer Operator, Office of the Additional Director General, Department of Labour (for the "
        "kind information of the Additional Director General).",
        "Office copy.",
    ],
    "issuer_name": "Md. Sohel Azim",
    "issuer_designation": "Assistant Director",
}

CONTACT = {
    "title": "Contact",
    "intro": (
        "<p>Fill in the form below to send a question, suggestion or complaint. We usually reply within 3 working "
        "days. For urgent matters, please telephone during office hours.</p>"
    ),
    "thank_you_text": "<p>Thank you, we have received your message and will be in touch soon.</p>",
    "subject": "New message from the portal's contact form",
    # (label, help text) in the order of content_bn.CONTACT["fields"]
    "fields": [
        ("Your name", ""),
        ("E-mail", "We will reply to this address."),
        ("Mobile number", "Optional"),
        ("Subject", ""),
        ("Message", ""),
    ],
}

FOOTER_LINKS = [
    ("Bangladesh National Portal", "https://bangladesh.gov.bd"),
    ("Department of Labour", "https://dol.gov.bd"),
    ("Department of Inspection for Factories and Establishments", "https://dife.gov.bd"),
    ("National Grievance Redress System (GRS): for every government office", "https://www.grs.gov.bd"),
]

# The accessibility statement, linked from the footer.
ACCESSIBILITY = {
    "title": "Accessibility statement",
    "intro": (
        "The Ministry of Labour and Employment wants everyone to be able to use this portal, whatever their "
        "sight, hearing, movement or reading, and whatever device or connection they have."
    ),
    "body": [
        ("heading", "What you can do on this portal"),
        (
            "paragraph",
            "<ul><li>Make the text smaller or larger with the A−, A, A+ and A++ buttons at the top of every "
            "page; your browser's zoom works too, up to 400% without losing content.</li>"
            "<li>Switch on high contrast (white and yellow on black) with the “High contrast” button. The "
            "portal remembers both choices in this browser.</li>"
            "<li>Use the whole portal with the keyboard alone; the first Tab key press offers a link that "
            "skips to the content.</li>"
            "<li>Read every page in Bengali or English. A page not translated yet says so and links to the "
            "original.</li></ul>",
        ),
        ("heading", "How accessible the portal is"),
        (
            "paragraph",
            "<p>We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA. Some older "
            "documents are scanned PDF files that a screen reader cannot read; on request we send their "
            "text in an accessible format.</p>",
        ),
        ("heading", "Tell us about a problem"),
        (
            "paragraph",
            "<p>If something on the portal is hard to use, or you need a document in another format, write "
            "to us through the contact page or call the phone number in the footer. We answer within 7 "
            "working days.</p>",
        ),
    ],
}
