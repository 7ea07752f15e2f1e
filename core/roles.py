"""Staff roles: the groups staff are put in, and the permissions each one carries.

The groups are created by a data migration (core/migrations/0001_roles.py). Each app declares
what its roles may do, next to its models, as ``role_permissions`` on its AppConfig::

    role_permissions = {EDITORS: ("news.add_newsitem", ...), PUBLISHERS: (...)}

``sync_role_permissions`` collects them from every installed app after each ``migrate`` (the
permissions of a model only exist once its migrations have run) and makes each group hold
exactly those. A permission that is not in any app's declaration is taken away from the group.
"""

from django.apps import apps as global_apps

EDITORS = "Editors"
PUBLISHERS = "Publishers"
FEEDBACK_TRIAGE = "Feedback triage"
PREVENT_TRIAGE = "Prevent triage"

ROLES = (EDITORS, PUBLISHERS, FEEDBACK_TRIAGE, PREVENT_TRIAGE)


def role_permissions(app_configs=None) -> dict[str, set[str]]:
    """Every role's permissions ("app_label.codename"), as the installed apps declare them."""
    collected: dict[str, set[str]] = {role: set() for role in ROLES}
    for config in app_configs or global_apps.get_app_configs():
        for role, permissions in getattr(config, "role_permissions", {}).items():
            if role not in collected:
                raise ValueError(f"{config.name} grants permissions to unknown role {role!r}")
            collected[role].update(permissions)
    return collected


def sync_role_permissions(**kwargs) -> None:
    """Make each group hold exactly its permissions (post_migrate handler; safe to run often)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for role, wanted in role_permissions().items():
        group, _ = Group.objects.get_or_create(name=role)
        query = Q(pk__in=[])
        for name in wanted:
            app_label, codename = name.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
