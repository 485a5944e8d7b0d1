from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.category_enum import CategoryEnum
from ..models.category_enum import check_category_enum
from ..models.strategy_enum import check_strategy_enum
from ..models.strategy_enum import StrategyEnum
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CategoryRoute")



@_attrs_define
class CategoryRoute:
    """ The team a category's tickets go to, and how one of its members is chosen.

        Attributes:
            id (int):
            category (CategoryEnum): * `system_down` - System down
                * `performance_issue` - Performance issue
                * `password_reset` - Password reset
                * `software_installation` - Software installation
                * `hardware_issue` - Hardware issue
                * `network_issue` - Network issue
                * `other` - Other
            team (int): The team (id) that works the category.
            last_assigned (int | None): Round robin: who got the category's last ticket.
            strategy (StrategyEnum | Unset): * `least_loaded` - Least loaded
                * `round_robin` - Round robin
            auto_assign (bool | Unset): Assign new tickets to a member (default true); false: they only get the team,
                unassigned.
     """

    id: int
    category: CategoryEnum
    team: int
    last_assigned: int | None
    strategy: StrategyEnum | Unset = UNSET
    auto_assign: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        category: str = self.category

        team = self.team

        last_assigned: int | None
        last_assigned = self.last_assigned

        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy


        auto_assign = self.auto_assign


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "category": category,
            "team": team,
            "last_assigned": last_assigned,
        })
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if auto_assign is not UNSET:
            field_dict["auto_assign"] = auto_assign

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        category = check_category_enum(d.pop("category"))




        team = d.pop("team")

        def _parse_last_assigned(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_assigned = _parse_last_assigned(d.pop("last_assigned"))


        _strategy = d.pop("strategy", UNSET)
        strategy: StrategyEnum | Unset
        if isinstance(_strategy,  Unset):
            strategy = UNSET
        else:
            strategy = check_strategy_enum(_strategy)




        auto_assign = d.pop("auto_assign", UNSET)

        category_route = cls(
            id=id,
            category=category,
            team=team,
            last_assigned=last_assigned,
            strategy=strategy,
            auto_assign=auto_assign,
        )


        category_route.additional_properties = d
        return category_route

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
