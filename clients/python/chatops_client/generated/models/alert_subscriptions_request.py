from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.alert_subscription_request import AlertSubscriptionRequest





T = TypeVar("T", bound="AlertSubscriptionsRequest")



@_attrs_define
class AlertSubscriptionsRequest:
    """ 
        Attributes:
            subscriptions (list[AlertSubscriptionRequest]): The room gets a card for an alert that any of these matches (an
                empty list: none). A PUT replaces the whole list.
            follows_activity (list[str]): Tags: commands and container actions done outside chat (REST API, dashboard,
                admin) on servers with any of them are posted in the room as system lines. Empty: none.
     """

    subscriptions: list[AlertSubscriptionRequest]
    follows_activity: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.alert_subscription_request import AlertSubscriptionRequest # noqa: PLC0415
        subscriptions = []
        for subscriptions_item_data in self.subscriptions:
            subscriptions_item = subscriptions_item_data.to_dict()
            subscriptions.append(subscriptions_item)



        follows_activity = self.follows_activity




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "subscriptions": subscriptions,
            "follows_activity": follows_activity,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.alert_subscription_request import AlertSubscriptionRequest # noqa: PLC0415
        d = dict(src_dict)
        subscriptions = []
        _subscriptions = d.pop("subscriptions")
        for subscriptions_item_data in (_subscriptions):
            subscriptions_item = AlertSubscriptionRequest.from_dict(subscriptions_item_data)



            subscriptions.append(subscriptions_item)


        follows_activity = cast(list[str], d.pop("follows_activity"))


        alert_subscriptions_request = cls(
            subscriptions=subscriptions,
            follows_activity=follows_activity,
        )


        alert_subscriptions_request.additional_properties = d
        return alert_subscriptions_request

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
