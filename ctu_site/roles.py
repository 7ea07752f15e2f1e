"""Staff roles: the groups staff are put in, and the permissions each one carries.

The groups are created by a data migration (ctu_site/migrations/0001_roles.py). Their
permissions are set after every `migrate` by `sync_role_permissions`, because the permissions of
models added later only exist once their own migrations have run. Add a model's permissions to
ROLE_PERMISSIONS here, in one place, rather than in each app.
"""

EDITORS = "Editors"
PUBLISHERS = "Publishers"
FEEDBACK_TRIAGE = "Feedback triage"
PREVENT_TRIAGE = "Prevent triage"

ROLES = (EDITORS, PUBLISHERS, FEEDBACK_TRIAGE, PREVENT_TRIAGE)

# "app_label.codename" for each role. Publishers can do everything Editors can, and publish.
# Apps extend this mapping as they add models; unknown permissions are ignored until they exist.
ROLE_PERMISSIONS: dict[str, set[str]] = {
    EDITORS: set(),
    PUBLISHERS: set(),
    FEEDBACK_TRIAGE: set(),
    PREVENT_TRIAGE: set(),
}


def grant(role: str, *permissions: str) -> None:
    """Add permissions ("app_label.codename") to a role; call at import time from an app's roles."""
    ROLE_PERMISSIONS[role].update(permissions)


def sync_role_permissions(**kwargs) -> None:
    """Make each group hold exactly its permissions (post_migrate handler; safe to run often)."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    for role, wanted in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        query = Q(pk__in=[])
        for name in wanted:
            app_label, codename = name.split(".", 1)
            query |= Q(content_type__app_label=app_label, codename=codename)
        group.permissions.set(Permission.objects.filter(query))
