from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="FAQ")



@_attrs_define
class FAQ:
    """ 
        Attributes:
            id (int):
            question (str):
            answer (str):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            category (str | Unset):  Default: ''.
            tags (list[str] | Unset):
            is_active (bool | Unset):  Default: True.
     """

    id: int
    question: str
    answer: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    category: str | Unset = ''
    tags: list[str] | Unset = UNSET
    is_active: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        question = self.question

        answer = self.answer

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        category = self.category

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        is_active = self.is_active


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "question": question,
            "answer": answer,
            "created_at": created_at,
            "updated_at": updated_at,
        })
        if category is not UNSET:
            field_dict["category"] = category
        if tags is not UNSET:
            field_dict["tags"] = tags
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        question = d.pop("question")

        answer = d.pop("answer")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        category = d.pop("category", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        is_active = d.pop("is_active", UNSET)

        faq = cls(
            id=id,
            question=question,
            answer=answer,
            created_at=created_at,
            updated_at=updated_at,
            category=category,
            tags=tags,
            is_active=is_active,
        )


        faq.additional_properties = d
        return faq

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
