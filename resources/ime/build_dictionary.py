"""Build the kiosk's pinyin dictionary: ``.venv/bin/python resources/ime/build_dictionary.py``.

The on-screen keyboard's pinyin input (``core.pinyin_ime``) reads one compact file,
``resources/ime/pinyin.tsv.gz``, built here from two dictionaries that ship inside
PyPI packages, so the build needs no download beyond ``pip install pypinyin jieba``:

- pypinyin's ``pinyin_dict`` gives every character's readings (the usual one first)
  and its phrase-aware converter gives each word's reading in context (长大 zhǎng,
  长城 cháng);
- jieba's ``dict.txt`` gives ~350 000 words with corpus frequencies.

A character's weight under one reading is the summed frequency of the words that use
it with that reading, plus a bonus for the 3 755 first-level GB 2312 characters
(常用字) and a smaller one for the second level. Words of 2–4 characters seen at least
:data:`MIN_PHRASE_FREQ` times become phrase candidates, most frequent first. Both
packages are build-time only; the kiosk never imports them.

Surnames come first in name fields: the most common surnames by population (公安部
户籍统计, the familiar "王李张刘陈…" list) and then the rest of 《百家姓》 in its own
order, then the compound surnames.

File format (UTF-8 text, gzip, tab-separated, one record per line)::

    #  comment
    G  <every character, most frequent first>
    C  <syllable>  <characters read so, most frequent first>
    P  <syllable'syllable…>  <phrase> <phrase> …   (most frequent first)
    S  <surname>:<syllable> …  (single-character surnames, most common first)
    D  <compound surname>:<syllable'syllable> …
    N  <characters common in given names>

Syllables are toneless, with ``v`` for ü (``lv`` 绿, ``nve`` 虐).
"""

from __future__ import annotations

import gzip
import math
import sys
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

OUT = Path(__file__).resolve().parent / "pinyin.tsv.gz"
MIN_PHRASE_FREQ = 10  # jieba counts; keeps ~90 000 phrases and the file small
MAX_PHRASE = 4

# The most common surnames in China by population, most common first.
COMMON_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关"
    "兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻"
    "祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿"
    "桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
)

# 《百家姓》, in its traditional order (single-character surnames).
BAIJIAXING = (
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛"
    "奚范彭郎鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康"
    "伍余元卜顾孟平黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵"
    "席季麻强贾路娄危江童颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗"
    "丁宣贲邓郁单杭洪包诸左石崔吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫"
    "乌焦巴弓牧隗山谷车侯宓蓬全郗班仰秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄"
    "印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴郁胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍却璩桑桂"
    "濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘"
    "匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相"
    "查后荆红游竺权逯盖益桓公"
)

# Compound surnames with their readings (several are read unlike the characters' usual
# readings: 万俟 mòqí, 单于 chányú, 尉迟 yùchí).
COMPOUND_SURNAMES = (  # noqa: SIM905 - reads as the list it is
    "欧阳:ou'yang 司马:si'ma 上官:shang'guan 诸葛:zhu'ge 东方:dong'fang 皇甫:huang'fu "
    "尉迟:yu'chi 公孙:gong'sun 慕容:mu'rong 令狐:ling'hu 长孙:zhang'sun 宇文:yu'wen "
    "司徒:si'tu 夏侯:xia'hou 轩辕:xuan'yuan 钟离:zhong'li 端木:duan'mu 万俟:mo'qi "
    "闻人:wen'ren 赫连:he'lian 澹台:tan'tai 公冶:gong'ye 宗政:zong'zheng 濮阳:pu'yang "
    "淳于:chun'yu 单于:chan'yu 太叔:tai'shu 申屠:shen'tu 仲孙:zhong'sun 鲜于:xian'yu "
    "闾丘:lv'qiu 司空:si'kong 西门:xi'men 南宫:nan'gong"
).split()

# Surnames not read with their character's usual reading (单 shàn, not dān).
SURNAME_READINGS = {
    "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "区": "ou", "查": "zha", "朴": "piao",
    "盖": "ge", "尉": "yu", "乐": "yue", "缪": "miao", "覃": "qin", "翟": "zhai", "员": "yun",
    "种": "chong", "召": "shao", "折": "she", "秘": "bi", "句": "gou", "华": "hua", "长": "chang",
    "燕": "yan", "蕃": "pi", "教": "jiao", "宿": "su", "能": "nai", "那": "na", "阚": "kan",
    "柏": "bai", "於": "yu", "厍": "she", "訾": "zi", "殷": "yin", "繁": "po", "隗": "wei",
}  # fmt: skip

# Characters frequent in given names; a name field ranks them up after the surname.
GIVEN_NAME_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭"
    "宁婷雪琳晶欣怡梓涵子轩睿博文思佳雨泽宏志建国庆春海波晓东林峰斌飞鑫磊琪瑶颖慧嘉昊天一诺"
    "欢淑珍兰梅琴云莉丹阳成新亮振家兴荣德永福祥义"
)


def toneless(reading: str) -> str:
    """``lǜ`` → ``lv``, ``zhāng`` → ``zhang``; ``ḿ``/``ň`` → ``m``/``n``."""
    for mark in "ǖǘǚǜü":
        reading = reading.replace(mark, "v")
    plain = unicodedata.normalize("NFD", reading)
    return "".join(c for c in plain if not unicodedata.combining(c)).lower()


def gb2312_level(char: str) -> int:
    """1 for 一级常用字, 2 for 二级字, 0 otherwise."""
    try:
        encoded = char.encode("gb2312")
    except UnicodeEncodeError:
        return 0
    if len(encoded) != 2:
        return 0
    if 0xB0 <= encoded[0] <= 0xD7:
        return 1
    return 2 if 0xD8 <= encoded[0] <= 0xF7 else 0


def _is_basic_cjk(char: str) -> bool:
    return len(char) == 1 and 0x4E00 <= ord(char) <= 0x9FFF


def _jieba_words() -> Iterator[tuple[str, int]]:
    import jieba  # type: ignore[import-untyped]

    path = Path(jieba.__file__).parent / "dict.txt"
    with path.open(encoding="utf-8") as words:
        for line in words:
            word, freq, *_ = line.split()
            if all(_is_basic_cjk(c) for c in word):
                yield word, int(freq)


def build() -> str:  # noqa: C901, PLR0912 - one linear pass over the dictionaries
    """The dictionary file's text."""
    from pypinyin import Style, lazy_pinyin
    from pypinyin.pinyin_dict import pinyin_dict  # type: ignore[import-untyped]

    readings: dict[str, list[str]] = {}
    for code, value in pinyin_dict.items():
        char = chr(code)
        if not _is_basic_cjk(char):
            continue
        seen: list[str] = []
        for reading in value.split(","):
            syllable = toneless(reading.strip())
            if syllable.isalpha() and syllable not in seen:
                seen.append(syllable)
        if seen:
            readings[char] = seen

    used: Counter[tuple[str, str]] = Counter()
    phrases: list[tuple[str, tuple[str, ...], int]] = []
    for word, freq in _jieba_words():
        if not all(c in readings for c in word) or len(word) > MAX_PHRASE:
            continue
        syllables = tuple(
            s.replace("ü", "v") for s in lazy_pinyin(word, style=Style.NORMAL, v_to_u=False)
        )
        if len(syllables) != len(word) or not all(s.isalpha() for s in syllables):
            continue
        for char, syllable in zip(word, syllables, strict=True):
            if syllable in readings[char]:
                used[char, syllable] += freq
        if len(word) >= 2 and freq >= MIN_PHRASE_FREQ:
            phrases.append((word, syllables, freq))

    def char_weight(char: str, syllable: str) -> float:
        level = gb2312_level(char)
        first = readings[char][0] == syllable
        return (
            math.log1p(used[char, syllable])
            + (4.0 if level == 1 else 2.0 if level == 2 else 0.0)
            + (0.5 if first else 0.0)
        )

    by_syllable: dict[str, list[tuple[float, str]]] = defaultdict(list)
    total: dict[str, float] = {}
    for char, syllables in readings.items():
        for syllable in syllables:
            weight = char_weight(char, syllable)
            by_syllable[syllable].append((weight, char))
            total[char] = max(total.get(char, 0.0), weight)

    by_key: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for word, syllables, freq in phrases:
        by_key["'".join(syllables)].append((freq, word))

    lines = [
        "# govterm pinyin dictionary, built by resources/ime/build_dictionary.py "
        "from pypinyin and jieba",
        "G\t" + "".join(sorted(total, key=lambda c: (-total[c], c))),
    ]
    for syllable in sorted(by_syllable):
        ranked = sorted(by_syllable[syllable], key=lambda wc: (-wc[0], wc[1]))
        lines.append(f"C\t{syllable}\t" + "".join(c for _, c in ranked))
    for key in sorted(by_key):
        ranked_phrases = sorted(by_key[key], key=lambda fp: (-fp[0], fp[1]))
        lines.append(f"P\t{key}\t" + " ".join(p for _, p in ranked_phrases))
    surnames = list(dict.fromkeys(COMMON_SURNAMES + BAIJIAXING))
    surname_readings = (f"{c}:{SURNAME_READINGS.get(c, readings[c][0])}" for c in surnames)
    lines.append("S\t" + " ".join(r for r in surname_readings if r[0] in readings))
    lines.append("D\t" + " ".join(COMPOUND_SURNAMES))
    lines.append("N\t" + "".join(dict.fromkeys(GIVEN_NAME_CHARS)))
    return "\n".join(lines) + "\n"


def main() -> None:
    text = build()
    # mtime=0: the same input gives the same bytes, so the committed file only changes
    # when the dictionary does.
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as out:
        out.write(text.encode("utf-8"))
    sys.stdout.write(f"{OUT}: {OUT.stat().st_size} bytes, {text.count(chr(10))} lines\n")


if __name__ == "__main__":
    main()
