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
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.aspects import aspect_cue

GENERIC_INTENT = "service_info"


def refine(intent: Dict[str, Any], ranking: List[Dict[str, Any]], text: str) -> tuple[Dict[str, Any], List[Dict[str, Any]]]:
    """The (intent, ranking) after the correction; unchanged unless ``service_info`` meets a cue."""
    if intent.get(INTENT_NAME_KEY) != GENERIC_INTENT:
        return intent, ranking
    aspect = aspect_cue(text)
    if aspect is None:
        return intent, ranking
    confidence = intent.get("confidence")
    old = {r[INTENT_NAME_KEY]: r.get("confidence") for r in ranking}
    swapped = []
    for entry in ranking:
        name = entry[INTENT_NAME_KEY]
        if name == GENERIC_INTENT:
            swapped.append({**entry, INTENT_NAME_KEY: aspect})
        elif name == aspect:
            swapped.append({**entry, INTENT_NAME_KEY: GENERIC_INTENT})
        else:
            swapped.append(entry)
    if aspect not in old:  # ranking cut off below the aspect: keep the generic intent listed second
        swapped.insert(1, {INTENT_NAME_KEY: GENERIC_INTENT, "confidence": 0.0})
    return {INTENT_NAME_KEY: aspect, "confidence": confidence}, swapped


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
