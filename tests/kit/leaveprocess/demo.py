from workflows.core.demo import ensure_role_posts

from . import roles


def load_demo(stats) -> None:
    ensure_role_posts(stats, roles.ADMINISTRATION, ("প্রশাসন শাখা", "Administration section"))
