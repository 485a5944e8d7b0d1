from typing import Literal

MemberRoleEnum = Literal['member', 'owner']

MEMBER_ROLE_ENUM_VALUES: set[MemberRoleEnum] = { 'member', 'owner',  }

def check_member_role_enum(value: str) -> MemberRoleEnum:
    if value in MEMBER_ROLE_ENUM_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MEMBER_ROLE_ENUM_VALUES!r}")
