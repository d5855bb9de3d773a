from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quiz_app.core.errors import QuizError
from quiz_app.core.model import EmployeeType, Participant
from quiz_app.core.people import (
    NipError,
    NipInfo,
    format_nip,
    nip_problem,
    normalize_nip,
    parse_nip,
)

TODAY = date(2025, 6, 1)


def problem(raw: str) -> str:
    msg = nip_problem(raw, TODAY)
    assert msg is not None, f"{raw!r} should be rejected"
    return msg


# --- valid numbers ---------------------------------------------------------------------


def test_pns_nip_decodes_every_field():
    info = parse_nip("198503122010011002", TODAY)
    assert info == NipInfo(
        nip="198503122010011002",
        employee_type=EmployeeType.PNS,
        birth_date=date(1985, 3, 12),
        sex=1,
        appointment_year=2010,
        tmt_month=1,
        contract=None,
        serial=2,
    )
    assert info.formatted == "19850312 201001 1 002"


@pytest.mark.parametrize(
    ("raw", "year", "contract", "sex", "serial"),
    [
        ("199009132025242014", 2025, 4, 2, 14),  # part-time PPPK
        ("200012312024211001", 2024, 1, 1, 1),
    ],
)
def test_pppk_nips_are_accepted(raw, year, contract, sex, serial):
    info = parse_nip(raw, TODAY)
    assert info.employee_type is EmployeeType.PPPK
    assert (info.appointment_year, info.contract, info.sex, info.serial) == (
        year,
        contract,
        sex,
        serial,
    )
    assert info.tmt_month is None
    assert nip_problem(raw, TODAY) is None
    assert Participant("X", info.nip).employee_type is EmployeeType.PPPK


def test_pns_with_october_to_december_tmt_is_pns_not_pppk():
    info = parse_nip("196608011988121001", TODAY)
    assert info.employee_type is EmployeeType.PNS
    assert info.tmt_month == 12


@pytest.mark.parametrize(
    "raw",
    [
        "19660801 198803 1 001",
        "19660801.198803.1.001",
        "'196608011988031001",  # apostrophe typed in Excel to force text
        "  196608011988031001  ",
        "19660801\u00a0198803\u00a01\u00a0001",  # non-breaking spaces pasted from the web
    ],
)
def test_spaces_dots_and_leading_apostrophe_are_ignored(raw):
    assert normalize_nip(raw) == "196608011988031001"
    assert parse_nip(raw, TODAY).nip == "196608011988031001"


def test_format_nip_pns_and_pppk():
    assert format_nip("196608011988031001") == "19660801 198803 1 001"
    assert format_nip("20001231 2024 2 1 1 001") == "20001231 2024 2 1 1 001"
    assert format_nip("200012312024211001") == "20001231 2024 2 1 1 001"


def test_format_nip_leaves_a_non_nip_readable_instead_of_failing():
    assert format_nip("123 45") == "12345"


def test_today_defaults_to_the_real_date():
    assert parse_nip("196608011988031001").birth_date == date(1966, 8, 1)
    next_year = date.today().year + 1
    assert nip_problem(f"19900101{next_year}011001") is None
    assert nip_problem(f"19900101{next_year + 1}011001") is not None


# --- rejections: what is wrong and how to fix it ----------------------------------------


def test_nip_error_is_a_quiz_error():
    with pytest.raises(NipError) as exc:
        parse_nip("123", TODAY)
    assert isinstance(exc.value, QuizError)
    assert "18" in exc.value.message


@pytest.mark.parametrize("raw", ["1,98503E+17", "1.98503E+17", "1.98503122010011E+17", "2E17"])
def test_scientific_notation_is_explained_as_excel_damage(raw):
    msg = problem(raw)
    assert "notasi ilmiah" in msg
    assert "Teks" in msg and "ketik ulang" in msg


def test_trailing_zeros_are_explained_as_excel_rounding():
    msg = problem("198503122010011000")
    assert "000" in msg
    assert "Excel membulatkannya" in msg
    assert "Teks" in msg


def test_decimal_tail_is_explained():
    msg = problem("198503122010011002.0")
    assert "desimal" in msg and "'.0'" in msg


@pytest.mark.parametrize(
    ("raw", "count"), [("19850312201001100", 17), ("1985031220100110021", 19), ("1985", 4)]
)
def test_wrong_length(raw, count):
    msg = problem(raw)
    assert f"{count} digit, seharusnya 18" in msg
    assert "Teks" in msg


@pytest.mark.parametrize("raw", ["19850312201001100O", "19850312-201001-1-002", "NIP 1985"])
def test_non_digits(raw):
    msg = problem(raw)
    assert "selain angka" in msg


def test_empty():
    assert "kosong" in problem("   ")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("199002302015011001", "tanggal lahir (digit 1-8) '19900230' bukan tanggal yang ada"),
        ("199013012015011001", "'19901301' bukan tanggal yang ada"),
        ("199000102015011001", "'19900010' bukan tanggal yang ada"),
        ("189901012015011001", "tahun lahir 1899"),
        ("202607012015011001", "belum terjadi"),
    ],
)
def test_impossible_birth_dates(raw, expected):
    msg = problem(raw)
    assert expected in msg
    assert "SK atau kartu ASN" in msg


def test_leap_day_birth_is_fine():
    assert parse_nip("199602292018021001", TODAY).birth_date == date(1996, 2, 29)


@pytest.mark.parametrize("month", ["00", "13", "19"])
def test_pns_tmt_month_out_of_range(month):
    assert f"bulan TMT CPNS (digit 13-14) '{month}' harus 01-12" in problem(
        f"198503122010{month}1002"
    )


@pytest.mark.parametrize("digit", "3456789")
def test_thirteenth_digit_neither_month_nor_pppk_marker(digit):
    msg = problem(f"198503122010{digit}11002")
    assert f"digit ke-13 '{digit}'" in msg and "PPPK" in msg


def test_pppk_contract_zero():
    assert "nomor kontrak PPPK (digit 14) harus 1-9" in problem("199009132025202014")


@pytest.mark.parametrize("nip", ["198503122010010002", "198503122010013002", "199009132025249014"])
def test_sex_digit_must_be_1_or_2(nip):
    assert "digit ke-15 (jenis kelamin)" in problem(nip)


def test_appointment_before_age_18():
    assert "tahun TMT CPNS (digit 9-12) 2002 kurang dari 18 tahun setelah tahun lahir 1985" in (
        problem("198503122002011002")
    )
    assert "tahun pengangkatan PPPK (digit 9-12) 2015" in problem("200012312015211001")


def test_appointment_in_far_future():
    assert "2027 melewati tahun 2026" in problem("198503122027011002")
    assert "2027 melewati tahun 2026" in problem("198503122027211002")
    assert nip_problem("198503122026011002", TODAY) is None


def test_several_problems_are_all_listed():
    msg = problem("199013012010133002")
    assert "tanggal lahir" in msg and "bulan TMT" in msg and "jenis kelamin" in msg


# --- properties ------------------------------------------------------------------------

births = st.dates(min_value=date(1940, 1, 1), max_value=date(2007, 6, 1))


@st.composite
def pns_nips(draw: st.DrawFn) -> str:
    birth = draw(births)
    year = draw(st.integers(birth.year + 18, TODAY.year + 1))
    month = draw(st.integers(1, 12))
    sex = draw(st.sampled_from([1, 2]))
    serial = draw(st.integers(1, 999))
    return f"{birth:%Y%m%d}{year:04d}{month:02d}{sex}{serial:03d}"


@st.composite
def pppk_nips(draw: st.DrawFn) -> str:
    birth = draw(births)
    year = draw(st.integers(birth.year + 18, TODAY.year + 1))
    contract = draw(st.integers(1, 9))
    sex = draw(st.sampled_from([1, 2]))
    serial = draw(st.integers(1, 999))
    return f"{birth:%Y%m%d}{year:04d}2{contract}{sex}{serial:03d}"


@given(pns_nips())
def test_valid_pns_always_parses_and_round_trips(nip):
    info = parse_nip(nip, TODAY)
    assert info.employee_type is EmployeeType.PNS
    assert normalize_nip(format_nip(nip)) == nip
    assert parse_nip(format_nip(nip), TODAY) == info


@given(pppk_nips())
def test_valid_pppk_always_parses_and_round_trips(nip):
    info = parse_nip(nip, TODAY)
    assert info.employee_type is EmployeeType.PPPK
    assert normalize_nip(format_nip(nip)) == nip
    assert parse_nip(format_nip(nip), TODAY) == info
    assert Participant("X", nip).employee_type is EmployeeType.PPPK


@given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.dates())
def test_random_18_digits_only_ever_raise_nip_error(nip, today):
    try:
        info = parse_nip(nip, today)
    except NipError as e:
        assert e.message.startswith("NIP '")
    else:
        assert info.nip == nip
        assert info.birth_date <= today
        assert info.appointment_year >= info.birth_date.year + 18
        assert info.serial > 0 and info.sex in (1, 2)


@given(st.text(max_size=30))
def test_any_text_only_ever_raises_nip_error(raw):
    try:
        parse_nip(raw, TODAY)
    except NipError:
        pass
    msg = nip_problem(raw, TODAY)
    assert msg is None or msg.strip()
    format_nip(raw)


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(9990, 1, 1)))
def test_birth_date_is_validated_against_today(today):
    birth = today + timedelta(days=1)
    if birth.year + 18 > 9999:
        return
    nip = f"{birth:%Y%m%d}{birth.year + 18:04d}011001"
    msg = nip_problem(nip, today)
    assert msg is not None and "belum terjadi" in msg
