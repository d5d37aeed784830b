"""Speakers of Chinese direct quotes: 吉村知事表示：“……” and “……”，他说。

Chinese is written without spaces and capitals, so the English rules (tokens, capitalised names)
find nothing in it. Chinese news attributes a quote with a speech verb right next to it: before
the quote, after the speaker and a colon (某某表示：“……”, 某某笑着说：“……”), or after it
(“……”，某某说。). The speaker is the noun phrase before the verb, once what stands between them is
set aside: adverbs and manners (也, 还, 笑着, 激动地), a day or a place (22日在县政府), whom it is said to
(对记者). Of a long phrase, the part after its last 的 is the head (与妻子一同前来观看的……男性公司职员 ->
男性公司职员 …). A later clause of a sentence (……，竖起大拇指说：) is taken only when it is a pronoun or a
role, a body or a foreign name; otherwise a verb phrase could be read as a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "PRONOUNS",
    "ChineseReport",
    "ChineseSpeaker",
    "pronoun_fits",
    "reported_speech",
    "speaker_after",
    "speaker_before",
    "subject_of",
]

PRONOUNS = frozenset({"他", "她", "他们", "她们"})
_FEMALE = re.compile(r"女|母|妻|姐|妹|奶奶|婆")
_MALE = re.compile(r"男|父|丈夫|兄|弟|爷爷|公公|先生")


def pronoun_fits(pronoun: str, name: str) -> bool:
    """Whether 他/她 may stand for ``name`` (a 女性 is no 他, a 父亲 no 她; a name alone fits both)."""
    if pronoun.startswith("她"):
        return _MALE.search(name) is None
    return _FEMALE.search(name) is None


_CUES = (
    "说",
    "表示",
    "称",
    "指出",
    "强调",
    "认为",
    "介绍",
    "透露",
    "回答",
    "答",
    "问",
    "告诉记者",
    "坦言",
    "直言",
    "解释",
    "补充",
    "宣布",
    "呼吁",
    "称赞",
    "感叹",
    "感慨",
    "回忆",
    "承认",
    "警告",
    "重申",
    "提到",
    "写道",
    "谈到",
    "坦承",
    "声称",
    "宣称",
    "总结",
    "评价",
    "评论",
    "补充说",
    "解释说",
    "介绍说",
    "回应",
    "反问",
    "笑言",
    "笑称",
    "报道",
    "通报",
    "调侃",
    "喊",
    "叹",
    "嘲讽",
    "反驳",
)
_CUE = "(?:" + "|".join(sorted(set(_CUES), key=len, reverse=True)) + ")(?:说|道)?"

# what may stand between the speaker and the verb, peeled off the end of the phrase one by one
_BETWEEN = re.compile(
    r"(?:也|还|则|又|都|便|就|亦|更|均|再次|随后|当时|最后|同时|此外|对此|另外|接着|进一步|明确|公开|笑着|哭着|"
    r"[\u4e00-\u9fff]{2}地|(?:对|向|跟|同)[\u4e00-\u9fff]{0,8}?(?:记者|媒体|采访者)|"
    r"在?接受[^，。：]{0,20}?采访时?|在[^，。：“”]{1,15}?(?:时|上|中|里|后|前)|"
    r"[0-9０-９]{1,2}日|周[一二三四五六日]|星期[一二三四五六日天]|今天|昨天|前天|日前|近日|当天|当日|此前|"
    r"在[^，。：“”]{1,10})$"
)
_LEAD = re.compile(
    r"^(?:据|而|但|并|且|随后|同时|此外|另外|对此|其中|其后|此前|此后|之前|另据|还有|有|一名|一位|一个|这名|这位|该名|那位)"
)
_DATE_LEAD = re.compile(r"^(?:[0-9０-９]{4}年)?(?:[0-9０-９]{1,2}月)?(?:[0-9０-９]{1,2}日)?[，,]?")
_BRACKETS = re.compile(r"（[^）]{0,20}）|\([^)]{0,20}\)")
_VERBAL = re.compile(r"[了着过把被让给向对将]|[，。；：！？“”]")
_SPEAKER_CHARS = re.compile(r"[\u4e00-\u9fff々·・A-Za-zＡ-Ｚａ-ｚ0-9０-９]+")
# heads that make a phrase a speaker anywhere in a sentence: people's roles, bodies, places
_ROLES = (
    r"(?:知事|教授|总统|主席|部长|发言人|官员|负责人|学生|职员|经理|会长|市长|首相|总理|大使|局长|专家|队长|教练|球员|选手|"
    r"医生|警方|代表|人士|居民|男子|女子|男性|女性|老人|母亲|父亲|总裁|董事长|执行官|议员|外长|书记|秘书长|司令|指挥官|"
    r"院长|校长|所长|主任|厅长|省长|州长|委员|记者|作家|演员|歌手|社长|理事长|研究员|学者|分析师|律师|法官|检察官|"
    r"部门|政府|当局|公司|企业|协会|大学|医院|机构|媒体|电视台|通讯社|新闻社|报社|委员会|办公室|克里姆林宫|白宫|"
    r"[省市县区州国府部局厅署宫方处院社台军党团])"
)
_ROLE_END = re.compile(_ROLES + "$")
# a person's relatives and agents: "张伟的妻子" says whose wife speaks
_RELATIONS = frozenset(
    "妻子 丈夫 母亲 父亲 儿子 女儿 哥哥 姐姐 弟弟 妹妹 家人 朋友 同事 邻居 "
    "律师 发言人 代理人 助手 秘书 教练 经纪人".split()
)
# a person's role and a name after it: "副总经理饭沼和武", "总统普京", "外长拉夫罗夫"
_ROLE_NAME = re.compile(
    r"(?:知事|教授|总统|主席|部长|发言人|官员|负责人|经理|会长|市长|首相|总理|大使|局长|队长|教练|总裁|董事长|执行官|"
    r"议员|外长|书记|秘书长|司令|院长|校长|所长|主任|省长|州长|社长|理事长)(?:[\u4e00-\u9fff]{2,5}|[\u4e00-\u9fff·・]{3,12})$"
)


@dataclass(frozen=True, slots=True)
class ChineseSpeaker:
    start: int
    end: int
    name: str
    cue: str
    pronoun: bool


def _head(text: str, a: int, b: int, *, initial: bool) -> tuple[int, int, str] | None:
    """The speaker in ``text[a:b]`` (a phrase that ends where the speech verb starts)."""
    s = text[a:b].rstrip()
    b = a + len(s)
    while True:  # peel adverbs, days, places and hearers off the end
        m = _BETWEEN.search(s)
        if m is None or m.start() == 0:
            break
        s, b = s[: m.start()], a + m.start()
    cut = s.rfind("的")
    owned = 2 <= cut <= 4 and s[cut + 1 :] in _RELATIONS and not _VERBAL.search(s[:cut])
    if 0 <= cut < len(s) - 2 and not owned:  # "参加集会的一名年轻女性": the head; "张伟的妻子": whose
        a, s = a + cut + 1, s[cut + 1 :]
    while True:
        lead = _LEAD.match(s) or _DATE_LEAD.match(s)
        if lead is None or not lead.group():
            break
        a, s = a + lead.end(), s[lead.end() :]
    name = _BRACKETS.sub("", s).strip()
    if name in PRONOUNS:
        return a, b, name
    if len(name) < 2 or len(name) > 20 or _VERBAL.search(name) or _SPEAKER_CHARS.fullmatch(name) is None:
        return None
    named = _ROLE_END.search(name) or _ROLE_NAME.search(name) or "·" in name or "・" in name
    if not named and (not initial or len(name) > 5):
        return None  # "……，竖起大拇指说：" a verb phrase, not a name
    return a, b, name


def speaker_before(text: str, lo: int, open_at: int) -> ChineseSpeaker | None:
    """某某表示：“……”: the speaker of a quote opening at ``open_at`` in a sentence starting at ``lo``."""
    before = text[lo:open_at]
    m = re.search(rf"({_CUE})\s*[：:，,]?\s*$", before)
    if m is None:
        return None
    end = lo + m.start()
    clause = max(text.rfind("，", lo, end), text.rfind(",", lo, end), text.rfind("”", lo, end))
    # a clause opens the sentence, or follows another speaker's quote ("……。”吉川说：“……”)
    initial = clause < 0 or text[clause] == "”"
    head = _head(text, clause + 1 if clause >= 0 else lo, end, initial=initial)
    if head is None and not initial:
        # "他试吃了拉面和饭团，竖起大拇指说：": the sentence's pronoun speaks
        pronoun = _PRONOUN_START.match(text, lo, end)
        if pronoun is not None:
            return ChineseSpeaker(pronoun.start(1), pronoun.end(1), pronoun.group(1), m.group(1), True)
    if head is None:
        return None
    return ChineseSpeaker(head[0], head[1], head[2], m.group(1), head[2] in PRONOUNS)


_PRONOUN_START = re.compile(r"\s*(他们|她们|他|她)(?!的)")


_AFTER = re.compile(rf"\s*[，,]?\s*([^，,。！？；“”：\n]{{1,24}}?)({_CUE})\s*(?:[。！？!?]|[，,：:]|$)")


def speaker_after(text: str, close_end: int, hi: int) -> ChineseSpeaker | None:
    """“……”，某某说。: the speaker named right after a quote closing at ``close_end``."""
    m = _AFTER.match(text, close_end, hi)
    if m is None:
        return None
    head = _head(text, m.start(1), m.end(1), initial=True)
    if head is None:
        return None
    return ChineseSpeaker(head[0], head[1], head[2], m.group(2), head[2] in PRONOUNS)


_SUBJECT = re.compile(r"([^，。！？；“”：\n]{2,24}?)(?=[0-9０-９]{1,2}日|在|于|曾|已|正|将|也|还|随后)")


def subject_of(text: str, lo: int, hi: int) -> tuple[int, int, str] | None:
    """The subject opening a sentence (``text[lo:hi]``), cut where a day, a place or an adverb
    follows it ("该公司副总经理饭沼和武22日在县政府……" -> 该公司副总经理饭沼和武), when it reads as a
    person or body (a role, a title, a foreign name)."""
    m = _SUBJECT.match(text, lo, hi)
    if m is None:
        return None
    head = _head(text, m.start(1), m.end(1), initial=False)
    if head is None or head[2] in PRONOUNS:
        return None
    return head


_REPORTED_CUE = (
    "(?:表示|称|说|指出|强调|认为|透露|介绍|宣布|承认|警告|重申|声称|宣称|坦言|补充说|解释说|报道|通报|回应)"
)
# 某某（在……时）表示，内容。 — the speaker opens the sentence, the statement follows the verb
_REPORTED = re.compile(
    rf"([^，。！？；“”：\n]{{2,40}}?)({_REPORTED_CUE})(?:说|道|称)?[，,：:]\s*([^“”「」]{{8,}}?)[。！？!?]?\s*$"
)
# "也就是说，", "总的来说，", "换句话说，": a connective, nobody speaking
_CONNECTIVE = re.compile(r"(?:是|来|话|般)$")
# 据某某介绍，内容。 — "according to"
_ACCORDING = re.compile(
    r"据([^，。！？；“”：\n]{2,30}?)(介绍|报道|透露|称|表示|消息|通报|统计)[，,]\s*([^“”「」]{8,}?)[。！？!?]?\s*$"
)


@dataclass(frozen=True, slots=True)
class ChineseReport:
    speaker: ChineseSpeaker
    start: int  # the statement's span
    end: int


def reported_speech(text: str, lo: int, hi: int) -> ChineseReport | None:
    """A sentence ``text[lo:hi]`` that reports what someone said without quote marks:
    "拉塞尔在接受采访时表示，……。" or "据长野县介绍，……。"."""
    for pattern in (_ACCORDING, _REPORTED):
        m = pattern.match(text, lo, hi)
        if m is None:
            continue
        head = _head(text, m.start(1), m.end(1), initial=True)
        if head is None or (m.group(2) == "说" and _CONNECTIVE.search(m.group(1))):
            continue
        speaker = ChineseSpeaker(head[0], head[1], head[2], m.group(2), head[2] in PRONOUNS)
        return ChineseReport(speaker, m.start(3), m.end(3))
    return None
