"""Rasa NLU component: turn ``service_info`` into the aspect the wording names beyond doubt.

Runs after DIET and before the FallbackClassifier (config.yml). When DIET's best intent is
``service_info`` and :func:`bot.nlu.aspects.aspect_cue` finds e.g. "Wie teuer …", the
aspect intent takes the top place with DIET's confidence (the two swap places in the
ranking), so the FallbackClassifier and the dialogue see one consistent ranking. Every
other intent, and messages without a cue, pass unchanged. Why: docs/nlu.md.
"""
from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.aspects import refine


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class AspectRefiner(GraphComponent):
    """See the module docstring."""

    @classmethod
    def create(cls, config: Dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "AspectRefiner":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT)
            if not intent:
                continue
            new_intent, ranking = refine(intent, message.get(INTENT_RANKING_KEY) or [], message.get(TEXT) or "")
            if new_intent is not intent:
                message.set(INTENT, new_intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
