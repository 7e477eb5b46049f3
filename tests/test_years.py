"""Years a question names: 2022, 2022年, 22年, 二〇二二年; a four-digit number followed by a unit is
an amount (超过2000元), not a year."""
import pytest

from kexie_chat.text import find_years


# (text, the years it names): a four-digit number followed by a unit is an amount, not a year
YEAR_MENTIONS = [
    ("包头市科协2020年公务接待费有没有超过2000元", [2020]), ("超过2021万元了吗", []), ("2020.5万元", []),
    ("三公经费2019", [2019]), ("秦皇岛2022三公", [2022]), ("2019-2020", [2019, 2020]), ("2020年度", [2020]),
    ("二〇二二年", [2022]), ("22年", [2022]), ("2010人", []), ("1998辆车", []),
]


@pytest.mark.parametrize("text,years", YEAR_MENTIONS, ids=[t for t, _ in YEAR_MENTIONS])
def test_years_and_amounts(text, years):
    assert [year for year, _, _ in find_years(text)] == years
