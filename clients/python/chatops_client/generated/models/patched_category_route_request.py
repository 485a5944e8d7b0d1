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






T = TypeVar("T", bound="PatchedCategoryRouteRequest")



@_attrs_define
class PatchedCategoryRouteRequest:
    """ The team a category's tickets go to, and how one of its members is chosen.

        Attributes:
            category (CategoryEnum | Unset): * `system_down` - System down
                * `performance_issue` - Performance issue
                * `password_reset` - Password reset
                * `software_installation` - Software installation
                * `hardware_issue` - Hardware issue
                * `network_issue` - Network issue
                * `other` - Other
            team (int | Unset): The team (id) that works the category.
            strategy (StrategyEnum | Unset): * `least_loaded` - Least loaded
                * `round_robin` - Round robin
            auto_assign (bool | Unset): Assign new tickets to a member (default true); false: they only get the team,
                unassigned.
     """

    category: CategoryEnum | Unset = UNSET
    team: int | Unset = UNSET
    strategy: StrategyEnum | Unset = UNSET
    auto_assign: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        category: str | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category


        team = self.team

        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy


        auto_assign = self.auto_assign


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if category is not UNSET:
            field_dict["category"] = category
        if team is not UNSET:
            field_dict["team"] = team
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if auto_assign is not UNSET:
            field_dict["auto_assign"] = auto_assign

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _category = d.pop("category", UNSET)
        category: CategoryEnum | Unset
        if isinstance(_category,  Unset):
            category = UNSET
        else:
            category = check_category_enum(_category)




        team = d.pop("team", UNSET)

        _strategy = d.pop("strategy", UNSET)
        strategy: StrategyEnum | Unset
        if isinstance(_strategy,  Unset):
            strategy = UNSET
        else:
            strategy = check_strategy_enum(_strategy)




        auto_assign = d.pop("auto_assign", UNSET)

        patched_category_route_request = cls(
            category=category,
            team=team,
            strategy=strategy,
            auto_assign=auto_assign,
        )


        patched_category_route_request.additional_properties = d
        return patched_category_route_request

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
