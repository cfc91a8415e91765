"""Certificate engine benchmark: issue N certificates through `issue_certificate` (serial, signature, the PDF
by headless Chromium, private storage, audit entry) and print certificates per second, mean milliseconds per
PDF, mean PDF size and the CPU time they took (this process and Chromium's).

    python -m bench certificates [--count 50]

Runs on the configured database after `make demo` (it needs the demo's office head of DLO Chattogram), in a
transaction that is rolled back at the end, with a throwaway signing key and a temporary private-media folder:
it leaves nothing behind.
"""

import datetime
import os
import statistics
import tempfile
import time
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from django.conf import settings
from django.db import transaction

KIND = {
    "name_bn": "প্রশিক্ষণ সনদ",
    "name_en": "Training certificate",
    "title_bn": "প্রশিক্ষণ সনদপত্র",
    "title_en": "Certificate of training",
    "body_bn": "{course} বিষয়ে {starts_on} থেকে {ends_on} পর্যন্ত {duration_days} দিনের প্রশিক্ষণ ({batch}) সাফল্যের "
    "সঙ্গে সম্পন্ন করেছেন।",
    "body_en": "has completed the {duration_days}-day training in {course} ({batch}) from {starts_on} to {ends_on}.",
    "signatory_line_bn": "পরিচালক (প্রশিক্ষণ)-এর পক্ষে",
    "signatory_line_en": "For the Director (Training)",
    "extra_placeholders": "course\nbatch\nstarts_on\nends_on\nduration_days",
}
CONTEXT = {
    "course_bn": "শিল্প কারখানায় পেশাগত স্বাস্থ্য ও নিরাপত্তা ব্যবস্থাপনা",
    "course_en": "occupational safety and health management in factories",
    "batch_bn": "ব্যাচ ১২",
    "batch_en": "batch 12",
    "starts_on": "2026-11-01",
    "ends_on": "2026-11-14",
    "duration_days": 14,
}


def cpu_seconds() -> float:
    """CPU time of this process and every process below it (Playwright's driver, Chromium), from /proc."""
    tick = os.sysconf("SC_CLK_TCK")
    parents, times = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        times[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    mine = {os.getpid()}
    for _ in range(6):
        mine |= {pid for pid, ppid in parents.items() if ppid in mine}
    return sum(times.get(pid, 0.0) for pid in mine)


class Rollback(Exception):
    pass


def run(count: int) -> int:
    from workflows.certificates.models import CertificateKind
    from workflows.certificates.offline import b64url_encode
    from workflows.certificates.pdf import html_to_pdf
    from workflows.certificates.rendering import certificate_html
    from workflows.certificates.services import issue_certificate, verification_url
    from workflows.core.models import Office, Post
    from workflows.core.roles import OFFICE_HEAD

    seed = b64url_encode(Ed25519PrivateKey.generate().private_bytes_raw())
    settings.CERTIFICATE_SIGNING_KEYS = f"bench:{seed}"
    settings.PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="bench-certificates-"))
    office = Office.objects.get(code="dlo-chattogram")
    post = Post.objects.get(office=office, role=OFFICE_HEAD)
    try:
        with transaction.atomic():
            CertificateKind.objects.create(key="bench-training", **KIND)

            def issue(i, language="bn"):
                return issue_certificate(
                    kind="bench-training",
                    source_key=f"bench/{language}/{i}",
                    holder_name_bn="লক্ষ্মী রানী স্থপতি",
                    holder_name_en="Lakshmi Rani Sthapati",
                    subject_bn="পেশাগত স্বাস্থ্য ও নিরাপত্তা",
                    subject_en="Occupational safety and health",
                    office=office,
                    issued_on=datetime.date(2026, 11, 30),
                    signatory_post=post,
                    language=language,
                    mobile="01712345678",
                    context=CONTEXT,
                )

            issue("warm-up")  # starts the browser (about half a second, once per process)
            cpu_start, start = cpu_seconds(), time.perf_counter()
            certificates = [issue(i, "bn" if i % 2 == 0 else "en") for i in range(count)]
            elapsed, cpu = time.perf_counter() - start, cpu_seconds() - cpu_start
            pdf_ms = []
            for certificate in certificates[: min(count, 20)]:
                html = certificate_html(
                    certificate,
                    language=certificate.language,
                    url=verification_url(certificate, certificate.language),
                )
                t = time.perf_counter()
                html_to_pdf(html)
                pdf_ms.append((time.perf_counter() - t) * 1000)
            sizes = [c.pdf_size for c in certificates]
            print(f"database: {transaction.get_connection().vendor}, chromium: {settings.CERTIFICATE_CHROMIUM}")
            print(
                f"{count} certificates (half Bengali, half English) in {elapsed:.2f} s: "
                f"{count / elapsed:.1f} certificates/s, {count / cpu:.1f} per CPU-second (this process + Chromium)"
            )
            p95 = sorted(pdf_ms)[max(0, int(len(pdf_ms) * 0.95) - 1)]
            print(
                f"PDF alone: mean {statistics.mean(pdf_ms):.0f} ms, p95 {p95:.0f} ms"
                f" | size: mean {statistics.mean(sizes) / 1024:.1f} KB, max {max(sizes) / 1024:.1f} KB"
            )
            raise Rollback
    except Rollback:
        pass
    return 0
