from django.contrib import admin

from triage.models import Label, ModelVersion


@admin.register(Label)
class LabelAdmin(admin.ModelAdmin):
    list_display = ["id", "category", "priority", "source", "created_at"]
    list_filter = ["category", "source"]
    search_fields = ["text"]


@admin.register(ModelVersion)
class ModelVersionAdmin(admin.ModelAdmin):
    list_display = ["id", "status", "label_cutoff", "n_train", "sklearn_version", "created_at"]
    list_filter = ["status"]
    readonly_fields = [f.name for f in ModelVersion._meta.fields]
