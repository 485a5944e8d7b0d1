from django.contrib import admin

from chatbot.models import FAQ, ChatLog


@admin.register(FAQ)
class FAQAdmin(admin.ModelAdmin):
    list_display = ["id", "question", "category", "is_active", "updated_at"]
    list_filter = ["category", "is_active"]
    search_fields = ["question", "answer"]


@admin.register(ChatLog)
class ChatLogAdmin(admin.ModelAdmin):
    list_display = ["id", "session_id", "user", "user_query", "confidence_score", "was_escalated", "created_at"]
    list_filter = ["was_escalated", "via"]
    search_fields = ["user_query", "session_id"]
    readonly_fields = [f.name for f in ChatLog._meta.fields]
