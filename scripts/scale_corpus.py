"""Write a synthetic corpus of N disclosures by varying the seeds, for benchmarks at scale.

Each generated file is one seed with another real org (a city's or a district's 科协, from
the tables below), another fiscal year (every year near the seed's shifts with it) and every
money figure multiplied by one whole number: exact in Decimal, the document's precision
kept, so parts still add up to their totals. Percentages, codes, row numbers and counts
stay as they are. The seeds themselves are copied unchanged, so the dev questions still
answer. Usage: scripts/scale_corpus.py N [--seeds corpus] [--out build/scale-N]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kexie_chat.parse import parse_disclosure  # noqa: E402

# Prefecture-level cities (地级市) only: a 州, 盟 or 地区 is not a 市 and would be a made-up name.
CITIES = """
石家庄 唐山 邯郸 邢台 保定 承德 沧州 廊坊 衡水 太原 大同 阳泉 长治 晋城 朔州 晋中 运城 忻州 临汾 吕梁
呼和浩特 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连 鞍山 抚顺 本溪 丹东 锦州 营口 阜新
辽阳 盘锦 铁岭 朝阳 葫芦岛 长春 吉林 四平 辽源 通化 白山 松原 白城 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆
伊春 佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁
杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州 丽水 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山
滁州 阜阳 宿州 六安 亳州 池州 宣城 福州 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江
新余 鹰潭 赣州 吉安 宜春 抚州 上饶 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城
滨州 菏泽 郑州 开封 洛阳 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 黄石
十堰 宜昌 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州 永州
怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远 东莞 中山 潮州
揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口 三亚 儋州 成都
自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中 资阳 贵阳 六盘水 遵义
安顺 毕节 铜仁 昆明 曲靖 玉溪 保山 昭通 丽江 普洱 临沧 拉萨 日喀则 昌都 林芝 山南 那曲 西安 铜川 宝鸡
咸阳 渭南 延安 汉中 榆林 安康 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳 定西 陇南 西宁
海东 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密
"""
# City: its districts (市辖区), without 区. A district whose name another place already uses
# is skipped when the corpus is written, so that a short name always means one org.
# (天津和平区 is left out: the parser reads 和 in 和平区 as "and".)
DISTRICTS = """
北京: 东城 朝阳 丰台 石景山 海淀 门头沟 房山 通州 顺义 昌平 大兴 怀柔 平谷 密云 延庆
天津: 河东 河西 南开 河北 红桥 东丽 西青 津南 北辰 武清 宝坻 宁河 静海 蓟州
上海: 黄浦 徐汇 长宁 静安 普陀 虹口 杨浦 闵行 宝山 嘉定 金山 松江 青浦 奉贤 崇明
重庆: 渝中 大渡口 江北 沙坪坝 九龙坡 南岸 北碚 渝北 巴南 万州 涪陵 黔江 长寿 江津 合川 永川 南川 綦江 大足 璧山 铜梁 潼南 荣昌 开州 梁平 武隆
石家庄: 长安 桥西 新华 裕华 井陉矿 藁城 鹿泉 栾城
唐山: 路南 路北 古冶 开平 丰南 丰润 曹妃甸
秦皇岛: 海港 山海关 北戴河 抚宁
邯郸: 邯山 丛台 复兴 峰峰矿 肥乡 永年
保定: 竞秀 莲池 满城 清苑 徐水
张家口: 桥东 宣化 下花园 万全 崇礼
承德: 双桥 双滦 鹰手营子矿
沧州: 运河
廊坊: 安次 广阳
衡水: 桃城 冀州
太原: 小店 迎泽 杏花岭 尖草坪 万柏林 晋源
大同: 平城 云冈 新荣 云州
呼和浩特: 新城 回民 玉泉 赛罕
包头: 东河 昆都仑 青山 石拐 九原
沈阳: 沈河 大东 皇姑 铁西 苏家屯 浑南 于洪 辽中
大连: 西岗 沙河口 甘井子 旅顺口 金州 普兰店
长春: 南关 宽城 二道 绿园 双阳 九台
哈尔滨: 道里 南岗 道外 平房 松北 香坊 呼兰 阿城 双城
南京: 玄武 秦淮 建邺 鼓楼 浦口 栖霞 雨花台 江宁 六合 溧水 高淳
无锡: 锡山 惠山 滨湖 梁溪 新吴
徐州: 云龙 贾汪 泉山 铜山
常州: 天宁 钟楼 新北 武进 金坛
苏州: 虎丘 吴中 相城 姑苏 吴江
南通: 崇川 海门
杭州: 上城 拱墅 西湖 滨江 萧山 余杭 富阳 临安 临平 钱塘
宁波: 海曙 北仑 镇海 鄞州 奉化
温州: 鹿城 龙湾 瓯海 洞头
合肥: 瑶海 庐阳 蜀山 包河
福州: 台江 仓山 马尾 晋安 长乐
厦门: 思明 海沧 湖里 集美 同安 翔安
南昌: 东湖 青云谱 青山湖 新建 红谷滩
济南: 历下 槐荫 天桥 历城 长清 章丘 济阳 莱芜 钢城
青岛: 市南 市北 黄岛 崂山 李沧 城阳 即墨
郑州: 中原 二七 金水 上街 惠济
洛阳: 老城 西工 涧西 洛龙 偃师 孟津
武汉: 江岸 硚口 汉阳 武昌 洪山 东西湖 汉南 蔡甸 江夏 黄陂 新洲
长沙: 芙蓉 天心 岳麓 开福 雨花 望城
广州: 荔湾 越秀 海珠 天河 白云 黄埔 番禺 花都 南沙 从化 增城
深圳: 罗湖 福田 南山 宝安 龙岗 盐田 龙华 坪山 光明
珠海: 香洲 斗门 金湾
佛山: 禅城 南海 顺德 三水 高明
南宁: 兴宁 青秀 江南 西乡塘 良庆 邕宁 武鸣
海口: 秀英 琼山 美兰
成都: 锦江 青羊 金牛 武侯 成华 龙泉驿 青白江 新都 温江 双流 郫都 新津
贵阳: 南明 云岩 花溪 乌当 观山湖
昆明: 五华 盘龙 官渡 西山 东川 呈贡 晋宁
西安: 碑林 莲湖 灞桥 未央 雁塔 阎良 临潼 高陵 鄠邑
兰州: 城关 七里河 西固 安宁 红古
西宁: 城东 城中 城西 城北
银川: 兴庆 西夏 金凤
乌鲁木齐: 天山 沙依巴克 水磨沟 头屯河 达坂城 米东
"""
YEAR_SHIFTS = (1, -1, 2, -2, -3, 3)  # the k-th document of an org is its seed's year plus this
FACTORS = range(2, 10)
ORG_SUFFIX = "科学技术协会"
YEAR_RE = re.compile(r"(?<![\d.,])(20[0-3]\d)(?![\d.,])")
# A figure: digits with optional thousands commas and decimals, not part of a code or a date.
NUMBER_RE = re.compile(r"(?<![\dA-Za-z.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\dA-Za-z]|\.\d)")
MONEY_UNIT_RE = re.compile(r"\s*(?:万元|元|亿元)")
LABEL_RE = re.compile(r"\s*(?:万元|元|亿元)?\s*(?:以上|以下|及以上|及以下)")
MONEY_UNITS = ("元", "万元", "亿元")
NOT_MONEY_RE = re.compile(r"\s*(?:%|％|个百分点|分|平方米|年|月|日|倍|人|辆|个|次|项|场|家|台|套)")


@dataclass(frozen=True)
class Org:
    full: str  # 杭州市萧山区科学技术协会
    short: str  # 萧山区: the file name's and the questions' name
    base: str  # 萧山
    city: str  # 杭州
    district: str | None  # 萧山, or None for a city's own 科协


@dataclass
class Seed:
    name: str
    text: str
    year: int
    kind: str
    org: Org
    misprints: list[str]
    money: dict[int, set[Decimal]]
    counts: dict[int, set[Decimal]]  # line -> the figures read there that are no money (4.00 次 of a 绩效 target)


@dataclass(frozen=True)
class Generated:
    name: str
    seed: str
    org: Org
    year: int
    factor: int
    text: str


def real_orgs(taken: set[str]) -> tuple[list[Org], list[Org]]:
    """City 科协 and district 科协 whose short names are unique (and not in `taken`)."""
    cities, districts, seen = [], [], set(taken)
    for city in CITIES.split():
        if city not in seen:
            seen.add(city)
            cities.append(Org(f"{city}市{ORG_SUFFIX}", f"{city}市", city, city, None))
    counts: dict[str, int] = {}
    rows = [line.split(":") for line in DISTRICTS.strip().splitlines()]
    for _, names in rows:
        for name in names.split():
            counts[name] = counts.get(name, 0) + 1
    for city, names in rows:
        for name in names.split():
            if counts[name] == 1 and name not in seen and name not in CITIES.split():
                seen.add(name)
                districts.append(Org(f"{city}市{name}区{ORG_SUFFIX}", f"{name}区", name, city, name))
    return cities, districts


def read_seed(path: Path) -> Seed:
    text = path.read_text(encoding="utf-8")
    disclosure = parse_disclosure(path.name, text)
    full = disclosure.document.org
    place = full.removesuffix(ORG_SUFFIX)
    if "区" in place:
        city, district = place.split("市", 1)
        district = district.removesuffix("区")
        org = Org(full, f"{district}区", district, city, district)
    else:
        city = place.removesuffix("市")
        org = Org(full, f"{city}市", city, city, None)
    misprints = [a for a in disclosure.aliases if a.removesuffix("区") not in (org.base, org.city)]
    return Seed(path.name, text, disclosure.document.year, disclosure.document.doc_kind, org, misprints,
                money_lines(disclosure), money_lines(disclosure, money=False))


def rename(text: str, seed: Seed, org: Org) -> str:
    """Every name of the seed's org (its misprints too) as the new org's, in one pass."""
    names = {misprint: org.short for misprint in seed.misprints}
    names[seed.org.base] = org.base
    if seed.org.district:
        names[seed.org.city] = org.city
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return pattern.sub(lambda m: names[m.group(0)], text)


def shift_years(text: str, seed_year: int, shift: int) -> str:
    def moved(match: re.Match) -> str:
        year = int(match.group(1))
        return str(year + shift) if seed_year - 4 <= year <= seed_year + 2 else match.group(1)

    return YEAR_RE.sub(moved, text)


def scale_figures(text: str, factor: int, money: dict[int, set[Decimal]],
                  counts: dict[int, set[Decimal]] | None = None) -> str:
    """Every money figure times `factor`, written with the same decimals (and commas).

    money: line -> the money values the parser reads on that line (a table cell in 元 is a
    bare integer; only the parser knows it is money). Elsewhere a figure is money when it has
    decimals or a money unit, and is not a share, a count or part of a label (单价20万元以上).
    counts: line -> the figures the parser reads there as no money (a count written 4.00): kept.
    """
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        lines[number - 1] = NUMBER_RE.sub(lambda m: _scaled(m, line, factor, money.get(number, ()),
                                                            (counts or {}).get(number, ())), line)
    return "\n".join(lines)


def _scaled(match: re.Match, line: str, factor: int, money, counts=()) -> str:
    digits, decimals = match.group(1), match.group(2) or ""
    value = Decimal(digits.replace(",", "") + decimals)
    after = line[match.end():match.end() + 8]
    if LABEL_RE.match(after) or value in counts and value not in money:
        return match.group(0)
    if value not in money and (NOT_MONEY_RE.match(after) or not (decimals or MONEY_UNIT_RE.match(after))):
        return match.group(0)
    value *= factor
    return format(value, ",f") if "," in digits else format(value, "f")


def money_lines(disclosure, money: bool = True) -> dict[int, set[Decimal]]:
    """line -> the money figures read on it (money=False: the figures that are no money)."""
    lines: dict[int, set[Decimal]] = {}
    for fact in disclosure.facts:
        if (fact.unit in MONEY_UNITS) == money and fact.value is not None:
            lines.setdefault(fact.source.line, set()).add(abs(fact.value))
    return lines


def generate(seeds_dir: Path, n: int) -> list[Generated]:
    """n - len(seeds) variations of the seeds (none when n is at most the number of seeds).

    An org takes the place of a seed whose names are as long as its own: the parser reads
    hard-wrapped lines by their width, so a shorter name would unwrap a paragraph.
    """
    seeds = [read_seed(p) for p in sorted(seeds_dir.glob("*.txt"))]
    families: dict[tuple, list[Seed]] = {}
    for seed in seeds:
        families.setdefault(_shape(seed.org), []).append(seed)
    cities, districts = real_orgs({s.org.base for s in seeds} | {s.org.city for s in seeds})
    orgs = [org for pair in zip(cities, districts) for org in pair]
    orgs += cities[len(districts):] + districts[len(cities):]
    orgs = [org for org in orgs if _shape(org) in families]
    seed_of, taken_in = {}, {shape: 0 for shape in families}  # one seed per org: its years differ
    for org in orgs:
        family = families[_shape(org)]
        seed_of[org] = family[taken_in[_shape(org)] % len(family)]
        taken_in[_shape(org)] += 1
    rng = random.Random(n)
    out = []
    for i in range(max(0, n - len(seeds))):
        org, round_ = orgs[i % len(orgs)], i // len(orgs)
        seed = seed_of[org]
        shift, factor = YEAR_SHIFTS[round_ % len(YEAR_SHIFTS)], rng.choice(FACTORS)
        year = seed.year + shift
        text = scale_figures(shift_years(rename(seed.text, seed, org), seed.year, shift), factor, seed.money,
                             seed.counts)
        out.append(Generated(f"{year}-{org.short}科协-部门{seed.kind}.txt", seed.name, org, year, factor, text))
    return out


def _shape(org: Org) -> tuple[bool, int, int]:
    return org.district is not None, len(org.base), len(org.city)


def write_corpus(seeds_dir: Path, out: Path, n: int) -> int:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for seed in sorted(seeds_dir.glob("*.txt"))[:n]:
        shutil.copy(seed, out / seed.name)
    generated = generate(seeds_dir, n)
    for doc in generated:
        (out / doc.name).write_text(doc.text, encoding="utf-8")
    return len(list(out.glob("*.txt")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="how many disclosures in all (seeds included)")
    parser.add_argument("--seeds", type=Path, default=ROOT / "corpus")
    parser.add_argument("--out", type=Path, help="default: build/scale-N (never corpus/)")
    args = parser.parse_args()
    out = args.out or ROOT / "build" / f"scale-{args.n}"
    if out.resolve() == args.seeds.resolve():
        parser.error("--out must not be the seeds' directory")
    written = write_corpus(args.seeds, out, args.n)
    print(f"{written} disclosures in {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
