"""The health check that load balancers and the benchmark call."""

from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


@never_cache
@require_safe
def healthz(request):
    """Answer “ok” while the process can serve requests.

    Deliberately touches neither the database nor the cache: a load balancer must not take
    every web container out of service because a shared backend is slow, and the benchmark
    uses this view as the cost of Django itself.
    """
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
