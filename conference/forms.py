"""Forms of the staff's own account: the password reset by e-mail."""

from django.contrib.auth.forms import PasswordResetForm


class StaffPasswordResetForm(PasswordResetForm):
    """Django's password reset, for members of staff only.

    The answer is the same whatever address is typed (Django's own rule: it must not tell
    which addresses have an account); only an active member of staff with a usable
    password and that address gets the message.
    """

    def get_users(self, email):
        return (user for user in super().get_users(email) if user.is_staff)
