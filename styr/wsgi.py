import os

from django.core.wsgi import get_wsgi_application

from styr.runtime import tune_garbage_collection

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "styr.settings")
application = get_wsgi_application()
tune_garbage_collection()
