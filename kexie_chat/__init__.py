"""kexie-chat: ask Chinese public budget disclosures questions, answered exactly and with sources."""
from .assistant import Assistant, Conversation
from .models import Answer, Fact, Passage, Source

__all__ = ["Answer", "Assistant", "Conversation", "Fact", "Passage", "Source"]
