"""The domain vocabulary as data: metric names and their synonyms, codes, units, parts.

Both sides use it: the parser names what it reads with these words and the question
parser looks for the same words. Keep it data; the logic lives in text, parse and match.
"""
from __future__ import annotations

# Canonical metric -> the other ways disclosures and people write it. Matching is done on
# normalized text (see text.fold), so full-width brackets and quotes need no variants.
METRIC_SYNONYMS: dict[str, tuple[str, ...]] = {
    # 收支总量
    "收入总计": ("收入总计", "收入总额合计"),
    "支出总计": ("支出总计",),
    "收支总计": ("收支总计", "收、支总计", "收入支出总计", "预算收支安排", "预算收支", "收支预算"),
    "收入合计": ("收入合计", "本年收入合计", "收入预算", "预算收入", "收入预算总额", "收入总额",
                 "本年收入", "部门收入"),
    "支出合计": ("支出合计", "本年支出合计", "支出预算", "预算支出", "支出预算总额", "支出总额",
                 "预算总额", "本年支出", "部门支出", "部门汇总支出预算", "总支出"),
    "财政拨款收入总计": ("财政拨款收入总计",),
    "财政拨款支出总计": ("财政拨款支出总计",),
    "财政拨款收支总计": ("财政拨款收支总计", "财政拨款收、支总计", "财政拨款收入支出总计"),
    "财政拨款收入": ("财政拨款收入", "财政拨款收入合计", "财政拨款收入预算", "财政拨款预算收入"),
    "财政拨款支出": ("财政拨款支出", "财政拨款预算支出", "一般公共预算财政拨款支出合计", "一般公共预算财政拨款支出",
                     "一般公共预算财政拨款本年支出",
                     "一般公共预算支出"),
    "一般公共预算拨款收入": ("一般公共预算拨款收入", "一般公共预算拨款", "一般公共预算收入",
                             "预算内资金", "一般公共预算财政拨款收入", "一般公共预算财政拨款",
                             "一般公共预算资金"),
    "政府性基金预算拨款收入": ("政府性基金预算拨款收入", "政府性基金预算财政拨款收入", "政府性基金预算财政拨款",
                               "政府性基金预算拨款",
                               "基金预算收入", "政府性基金收入", "政府性基金"),
    "国有资本经营预算拨款收入": ("国有资本经营预算拨款收入", "国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款",
                                 "国有资本经营预算拨款", "国有资本经营预算"),
    # "一般公共预算拨款支出预算500万元；政府性基金拨款支出预算20万元": the spending of one fund, never its
    # income nor all 财政拨款 spending
    "一般公共预算拨款支出": ("一般公共预算拨款支出",),
    "政府性基金预算财政拨款支出": ("政府性基金预算财政拨款支出", "政府性基金预算拨款支出", "政府性基金拨款支出",
                                   "政府性基金支出", "政府性基金预算财政拨款本年支出"),
    "国有资本经营预算财政拨款支出": ("国有资本经营预算财政拨款支出", "国有资本经营预算拨款支出", "国有资本经营拨款支出",
                                     "国有资本经营预算财政拨款本年支出"),
    "上级补助收入": ("上级补助收入", "上级财政提前通知转移支付"),
    "事业收入": ("事业收入",),
    "经营收入": ("经营收入", "事业单位经营收入"),
    "附属单位上缴收入": ("附属单位上缴收入",),
    "其他收入": ("其他收入", "其他资金", "其他来源收入"),
    "财政专户管理资金收入": ("财政专户管理资金收入", "财政专户核拨收入", "财政专户资金", "财政专户收入"),
    "年初结转和结余": ("年初结转和结余", "上年结转", "上年结转结余", "年初财政拨款结转和结余",
                       "年初结转", "年初结余"),
    "年末结转和结余": ("年末结转和结余", "年终结转结余", "结转下年", "年末财政拨款结转和结余",
                       "年末结转", "年末结余"),
    # 支出结构
    "基本支出": ("基本支出", "一般公共预算财政拨款基本支出", "基本支出预算", "基本支出总额"),
    "项目支出": ("项目支出", "项目支出预算", "项目经费", "项目支出总额"),
    "人员经费": ("人员经费", "人员支出", "人员经费合计"),
    "公用经费": ("公用经费", "日常公用经费", "公用支出", "日常公用支出", "公用经费合计"),
    "机关运行经费": ("机关运行经费", "机关运行费", "行政运行经费", "机构运行经费", "运行经费"),
    # 三公
    "三公经费": ("三公经费", "三公", "财政拨款三公经费", "三公经费小计", "三公经费合计",
                 "三公经费支出", "三公经费预算"),
    "因公出国（境）费": ("因公出国(境)费", "因公出国境费", "因公出国费", "出国费", "出国(境)费",
                         "因公出国(境)费用"),
    "公务用车购置及运行维护费": ("公务用车购置及运行维护费", "公务用车购置及运行费", "公务用车费",
                                 "公车费", "公务用车购置和运行维护费", "公车购置及运行维护费",
                                 "车辆购置及运行维护费", "公务车购置及运行维护费"),
    "公务用车购置费": ("公务用车购置费", "公车购置费", "车辆购置费", "公务用车购置"),
    "公务用车运行维护费": ("公务用车运行维护费", "公务用车运行费", "公车运行维护费", "公车运行费",
                           "车辆运行维护费", "车辆运行费", "公务车运行维护费", "公务用车运行经费",
                           "公务车运行费"),
    "公务接待费": ("公务接待费", "接待费", "国内公务接待费", "公务接待"),
    # 政府采购、资产、人员
    "政府采购": ("政府采购", "政府采购支出", "政府采购预算", "政府采购支出合计", "政府采购支出总额",
                 "政府采购金额", "采购支出", "政府采购购置类项目", "政府采购项目"),
    # a 决算 writes the parts "其中：货物采购金额4.79万元、工程采购金额0万元、服务采购金额246.47万元"
    "政府采购货物支出": ("政府采购货物支出", "采购货物支出", "政府采购货物", "货物采购金额", "货物采购"),
    "政府采购工程支出": ("政府采购工程支出", "采购工程支出", "政府采购工程", "工程采购金额", "工程采购"),
    "政府采购服务支出": ("政府采购服务支出", "采购服务支出", "政府采购服务", "服务采购金额", "服务采购"),
    "授予中小企业合同金额": ("授予中小企业合同金额", "中小企业合同金额"),
    "授予小微企业合同金额": ("授予小微企业合同金额", "小微企业合同金额"),
    "政府购买服务": ("政府购买服务", "政府购买服务预算"),
    "固定资产": ("固定资产", "固定资产总额", "固定资产金额", "资产总额", "国有资产", "固定资产总值"),
    "房屋": ("房屋",),
    "办公用房": ("办公用房",),
    "车辆": ("车辆", "公务用车保有量", "车辆数"),
    "单价20万元以上的设备": ("单价在20万元以上的设备", "单价20万元以上的设备"),
    "其他固定资产": ("其他固定资产",),
    "编制": ("编制", "核定编制", "编制数"),
    "行政编制": ("行政编制",),
    "事业编制": ("事业编制",),
    "实有人数": ("实有人数", "在职实有人数", "实际人数", "在职人数", "在职人员", "实有"),
    "离退休人员": ("离退休人员", "离退休人数", "离退休"),
    "离休人员": ("离休",),
    "退休人员": ("退休",),
    "长期聘用人员": ("长期聘用临时工", "长期聘用"),
    # "编报绩效目标的项目共25个，涉及项目预算资金11381.60万元" (the 绩效目标设置情况 of a 预算)
    # (a 决算 says "编报绩效目标的2024年度项目4个，涉及预算金额598.42万元", first of its three stages)
    "绩效目标项目资金": ("绩效目标项目资金", "编报绩效目标的项目资金", "涉及项目预算资金",
                         "绩效目标涉及项目预算资金", "绩效目标涉及资金", "绩效目标项目涉及资金", "涉及预算金额"),
    "绩效跟踪项目资金": ("绩效跟踪项目资金", "绩效跟踪评价项目资金", "绩效监控项目资金", "绩效跟踪涉及资金"),
    "绩效自评项目资金": ("绩效自评项目资金", "绩效自评涉及资金", "自评项目资金"),
    "绩效评价项目资金": ("绩效评价项目资金", "重点绩效评价项目资金", "绩效评价涉及资金"),
    "绩效自评得分": ("项目自评得分", "自评得分", "绩效评价综合得分", "绩效自评得分", "得分", "总分",
                     "评分", "分数", "平均得分"),
    "联系电话": ("联系电话", "咨询电话", "电话", "联系方式"),
}

# The stages of a 决算's 绩效 narrative, each with the money it covers ("绩效跟踪评价的2024年度项目4个，
# 涉及预算金额598.42万元"): the stage the clause names tells which money a shared word (涉及预算金额) is.
PERFORMANCE_STAGE_FUNDS: tuple[tuple[str, str], ...] = (
    ("编报绩效目标", "绩效目标项目资金"), ("绩效跟踪", "绩效跟踪项目资金"), ("绩效监控", "绩效跟踪项目资金"),
    ("绩效自评", "绩效自评项目资金"), ("绩效评价", "绩效评价项目资金"),
)
STAGED_FUND_WORDS: tuple[str, ...] = ("涉及预算金额",)

# Words read only in one direction: a bare "实际11人" in a disclosure is a head count, but
# "预算和实际" in a question is not; "几辆车" asks for vehicles, but "车" in a disclosure is noise.
PARSE_ONLY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "实有人数": ("实际",), "财政拨款收入": ("财政拨款",),
    "项目支出": ("项目全年预算数", "全年预算数"),  # a project's own figure in a 绩效自评 summary
}
# Words that name a metric alone ("其中财政拨款792.37万元") but only qualify the figure of the
# topic when these words follow ("公务接待费：财政拨款预算安排530.88元").
QUALIFIER_FOLLOWERS: dict[str, str] = {"财政拨款": r"预算|安排|支出|资金"}
# Metrics that, written right after another metric's name, only say which money it is
# ("“三公”经费财政拨款支出" is the 三公经费).
FUNDING_QUALIFIER_METRICS: tuple[str, ...] = ("财政拨款支出", "财政拨款收入")
# A fund named bare reads as its income; "无政府性基金预算财政拨款安排的支出" names its spending.
FUND_SPENDING: dict[str, str] = {"政府性基金预算拨款收入": "政府性基金预算财政拨款支出",
                                 "国有资本经营预算拨款收入": "国有资本经营预算财政拨款支出"}
# 公车 alone is not here: it names the money (公务用车购置及运行维护费, COLLOQUIAL_NAMES) unless a count
# is asked (几辆公车, 有没有公车: COUNTED_BY).
QUESTION_ONLY_SYNONYMS: dict[str, tuple[str, ...]] = {"车辆": ("车", "公务用车数"),
                                                     "绩效目标项目资金": ("项目预算资金",),
                                                     "绩效自评得分": ("多少分", "几分")}
# A one-character name (车) is a word only after these (几辆车, 有没有车, 科协的车), or after an org's
# name or a digit; after other characters it ends another word (科普大篷车, 电车).
ONE_CHARACTER_NAME_AFTER = "辆台部有没无的几少多协会"
# What "几个人" alone asks of an org (西城科协实际有几个人): its people, as the disclosure counts them.
HEADCOUNT_METRIC = "实有人数"
# Words for people a number counts (12个人, 11名职工), told in 人 (人次 is attendance, not people).
PEOPLE_NOUNS = ("工作人员", "员工", "职工", "干部", "人")
# How the name of a thing an org runs or builds ends: named right before a figure (科技馆运行经费,
# 办公楼维修费), it asks for that thing's money, narrower than the org's figure of that name.
THING_ENDINGS = ("馆", "站", "中心", "基地", "楼", "园", "长廊", "大篷车", "学校", "医院", "工程", "平台", "展厅")
PEOPLE_CLASSIFIERS = ("个", "名", "位")
# The whole a bare side word names after 占 (三公经费占支出的比例: of 支出合计).
SHARE_WHOLES: dict[str, str] = {"支出": "支出合计", "开支": "支出合计", "花费": "支出合计", "收入": "收入合计"}
# Figures that answer for a total a document does not write, in order of preference: a budget's
# 收支总计 is its 收入总计 and 支出总计 (each shown, with its line), else its 收入合计 and 支出合计.
STANDS_IN_FOR: dict[str, tuple[tuple[str, ...], ...]] = {
    "收支总计": (("收入总计", "支出总计"), ("收入合计", "支出合计")),
}
# The wholes a share is usually of, offered when a question names none (三公经费占比).
SHARE_WHOLE_SUGGESTIONS = ("支出合计", "基本支出")
# What "预算" alone names in a question about an org or a year (秦皇岛2022年预算是多少): the budget as a whole.
WHOLE_BUDGET_METRIC = "收支总计"
# Verbs a listed purchase is named with (购置彩色打印机); people ask for the thing bought (买彩色打印机).
ITEM_BUYING_VERBS = ("购置", "购买", "采购", "新购", "添置")
# A count metric and the money spent on it: 公车花了多少钱, 公车决算 ask for the spending.
SPENT_ON: dict[str, str] = {"车辆": "公务用车购置及运行维护费"}
# How people (reporters, readers) name what the disclosures name formally: read in questions only,
# so that a colloquial word never renames a figure the parser reads. The first name of a tuple is
# the metric meant; a word naming money (经费, 费用) is never read as a count (车辆经费 is not 车辆).
COLLOQUIAL_NAMES: dict[str, tuple[str, ...]] = {
    "公务接待费": ("招待费", "招待费用", "招待经费", "接待经费", "接待费用", "吃喝招待", "公务招待费", "接待费",
                   "公务接待"),
    "公务用车购置及运行维护费": ("车辆经费", "车辆费用", "车辆支出", "公车费用", "公车经费", "公车支出",
                                 "用车经费", "用车费用", "公务用车经费", "公务用车费用", "公务用车支出",
                                 "公车购置及运维费", "公务用车购置及运维费", "车辆购置及运维费", "公务用车", "公车"),
    "公务用车运行维护费": ("公车运维费", "车辆运维费", "公务车运维费", "公车运行维护费用", "车辆运行维护费用",
                           "公车维护费", "车辆维护费", "养车费"),
    "公务用车购置费": ("买车费用", "购车费", "购车费用", "车辆购置费用"),
    "因公出国（境）费": ("出国经费", "出国费用", "出境费", "出国出境费", "因公出国经费", "因公出国费用",
                         "出国(境)经费", "出国(境)费用", "出访费", "因公出国(境)", "因公出国", "出国"),
    "三公经费": ("三公费用", "三公支出", "三公开支"),
    "人员经费": ("人头费", "人头经费", "人头费用", "人员费用", "人员开支", "人员支出合计"),
    "公用经费": ("公用费用", "公用开支"),
    "机关运行经费": ("机关运行费用", "机关经费", "机关运营经费", "机关运营费", "机关运转经费", "机关运转费"),
    "支出合计": ("一共花了", "总共花了", "共花了", "一共花", "总共花", "一共安排了", "一共安排", "总共安排", "一共支出", "总共支出", "花了多少钱一共", "总花费",
                 "全年支出", "全年花了", "总开支", "总支出额"),
    "收入合计": ("一共收入", "总共收入", "总收入", "全年收入"),
    "收支总计": ("部门预算总额", "预算规模", "预算盘子"),
    "住房公积金": ("公积金",),
    "机关事业单位基本养老保险缴费": ("养老保险", "养老保险费", "养老保险缴费", "基本养老保险", "养老金缴费"),
    "职业年金缴费": ("职业年金",),
    "职工基本医疗保险缴费": ("医疗保险", "医保", "医保缴费", "基本医疗保险", "医疗保险缴费"),
    "物业管理费": ("物业费", "物业费用", "物管费"),
    "邮电费": ("通讯费", "通信费", "电话费", "邮电通讯费", "通讯费用", "网费", "邮寄费"),
    "差旅费": ("差旅", "差旅费用", "出差费", "出差经费", "出差费用"),
    "会议费": ("会议费用", "开会费用", "会议经费"),
    "培训费": ("培训费用", "培训经费"),
    "办公费": ("办公费用",),
    "印刷费": ("印刷费用", "印刷经费"),
    "维修（护）费": ("维修费用", "维护费用", "修缮费"),
    "租赁费": ("租金", "房租费", "租赁费用"),
    "劳务费": ("劳务费用", "劳务报酬"),
    "委托业务费": ("委托费", "委托业务费用"),
    "取暖费": ("供暖费", "暖气费"),
    "水费": ("用水费",),
    "电费": ("用电费",),
    "伙食补助费": ("伙食补助", "伙食费"),
    "退休费": ("退休金", "退休工资", "退休费用"),
    "工资福利支出": ("工资", "工资福利", "工资支出", "工资福利费", "工资总额"),
    # 房补 (房贴) is the monthly housing allowance, 购房补贴 in the 功能分类 (2210203), as the
    # disclosures explain it (“购房补贴…主要用于机关人员每月房贴支出”).
    "购房补贴": ("房补", "房贴", "住房补贴", "购房补助"),
    "社会保障缴费": ("社保缴费", "社保费", "社会保险费", "社会保险缴费"),
    "工会经费": ("工会费",),
    "福利费": ("福利费用",),
    "专用材料费": ("材料费",),
    "其他交通费用": ("交通费", "交通费用"),
    "津贴补贴": ("津补贴", "津贴"),
    "社会保障和就业支出": ("社保和就业支出", "社保就业支出", "社会保障就业支出", "社保支出",
                           "社会保障和就业", "社保"),
    "卫生健康支出": ("卫生支出", "卫健支出", "医疗卫生支出", "卫生健康"),
    "住房保障支出": ("住房支出", "住房保障"),
    "科学技术支出": ("科技支出", "科学技术类支出"),
    "科学技术普及": ("科普支出", "科学普及支出", "科学技术普及支出"),
    "政府采购": ("采购金额", "采购预算", "采购总额", "采购规模"),
    "固定资产": ("资产",),
    "实有人数": ("职工人数", "人员数", "员工人数", "在职", "在编人数", "在岗人数"),
}
# A money metric and the count that answers "几辆" about the same thing (公务用车几辆 -> 车辆).
COUNTED_BY: dict[str, str] = {"公务用车购置及运行维护费": "车辆", "公务用车购置费": "车辆", "公务用车运行维护费": "车辆"}
# A count asked by its measure word alone (包头科协有几辆): the metric that measure counts.
MEASURED_METRICS: dict[str, str] = {"辆": "车辆", "台": "车辆"}
# Verbs people put before a figure:花了/用了 ask for what was spent, 安排了/预算了 for what was budgeted.
SPENT_WORDS = ("决算", "实际", "执行", "花了", "花费", "花掉", "用了", "用掉", "支出了", "开支了", "实际支出",
               "实际花")
BUDGETED_WORDS = ("预算", "安排", "计划", "预算了", "安排了", "拟安排", "年初")

# 支出经济分类 (economic classification) codes and their standard names.
ECONOMIC_CODES: dict[str, str] = {
    "301": "工资福利支出", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金",
    "30106": "伙食补助费", "30107": "绩效工资", "30108": "机关事业单位基本养老保险缴费",
    "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费", "30111": "公务员医疗补助缴费",
    "30112": "其他社会保障缴费", "30113": "住房公积金", "30114": "医疗费", "30199": "其他工资福利支出",
    "302": "商品和服务支出", "30201": "办公费", "30202": "印刷费", "30203": "咨询费", "30204": "手续费",
    "30205": "水费", "30206": "电费", "30207": "邮电费", "30208": "取暖费", "30209": "物业管理费",
    "30211": "差旅费", "30212": "因公出国（境）费用", "30213": "维修（护）费", "30214": "租赁费",
    "30215": "会议费", "30216": "培训费", "30217": "公务接待费", "30218": "专用材料费",
    "30224": "被装购置费", "30225": "专用燃料费", "30226": "劳务费", "30227": "委托业务费",
    "30228": "工会经费", "30229": "福利费", "30231": "公务用车运行维护费", "30239": "其他交通费用",
    "30240": "税金及附加费用", "30299": "其他商品和服务支出",
    "303": "对个人和家庭的补助", "30301": "离休费", "30302": "退休费", "30303": "退职（役）费",
    "30304": "抚恤金", "30305": "生活补助", "30306": "救济费", "30307": "医疗费补助", "30308": "助学金",
    "30309": "奖励金", "30399": "其他对个人和家庭的补助",
    "310": "资本性支出", "31001": "房屋建筑物购建", "31002": "办公设备购置", "31003": "专用设备购置",
    "31007": "信息网络及软件购置更新", "31013": "公务用车购置", "31099": "其他资本性支出",
}

# 经济分类 classes that 人员经费 and 公用经费 are made of.
ECONOMIC_GROUPS: dict[str, tuple[str, ...]] = {"人员经费": ("301", "303"), "公用经费": ("302", "310")}

# Names of economic items as narratives shorten them.
ECONOMIC_SYNONYMS: dict[str, tuple[str, ...]] = {
    "对个人和家庭的补助": ("对个人家庭补助", "对个人和家庭补助"),
    "其他交通费用": ("其他交通费",),
    "其他商品和服务支出": ("其他商品服务支出",),
    "维修（护）费": ("维修费", "维护费", "维修(护)费"),
    "社会保障缴费": ("社会保障缴费",),
}

# A total and the parts a disclosure breaks it into, in the order they are usually listed.
METRIC_PARTS: dict[str, tuple[str, ...]] = {
    "三公经费": ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"),
    "公务用车购置及运行维护费": ("公务用车购置费", "公务用车运行维护费"),
    "支出合计": ("基本支出", "项目支出"),
    "基本支出": ("人员经费", "公用经费"),
    "收入合计": ("财政拨款收入", "一般公共预算拨款收入", "上级补助收入", "事业收入", "经营收入",
                 "附属单位上缴收入", "其他收入"),
    "政府采购": ("政府采购货物支出", "政府采购工程支出", "政府采购服务支出"),
    "收入总计": ("收入合计", "年初结转和结余"),
    "支出总计": ("支出合计", "年末结转和结余"),
    "固定资产": ("房屋", "车辆", "单价20万元以上的设备", "其他固定资产"),
    "编制": ("行政编制", "事业编制"),  # 实有人数 is who is there, not the posts: 11 against 9 + 3
    "离退休人员": ("离休人员", "退休人员"),
}

MONEY_UNITS = ("亿元", "万元", "元")
# Count units a narrative attaches to a number, and the unit a fact keeps.
COUNT_UNITS: dict[str, str] = {
    "辆": "辆", "台": "台", "部": "辆", "人": "人", "名": "人", "个": "个", "次": "次", "场": "场",
    "分": "分", "平方米": "平方米", "人次": "人次", "批次": "批次", "家": "家", "套": "套",
}
# The unit each count-like metric is told in.
METRIC_UNITS: dict[str, str] = {
    "车辆": "辆", "编制": "人", "行政编制": "人", "事业编制": "人", "实有人数": "人",
    "离退休人员": "人", "离休人员": "人", "退休人员": "人", "长期聘用人员": "人", "绩效自评得分": "分",
}

# Words that tell which figure of a pair a number is (预算数 vs 决算数, a change, a share).
BASIS_BUDGET = "预算数"
BASIS_ACTUAL = "决算数"
# A 决算's 全年预算 (the budget as adjusted during the year), told apart from its 年初预算.
BASIS_FULL_YEAR = f"{BASIS_BUDGET}（全年预算数）"
BASIS_CHANGE = "较上年增减"
BASIS_CHANGE_RATE = "较上年增减率"
BASIS_PREVIOUS = "上年数"
BASIS_VALUE = "价值"
# Assets are a stock at a date, told by their value (价值), not a 预算数 or 决算数.
STOCK_METRICS: tuple[str, ...] = ("固定资产", "房屋", "办公用房", "车辆", "单价20万元以上的设备", "其他固定资产")
# A count of vehicles is written in 辆, 台 or 部.
COUNT_UNIT_VARIANTS: dict[str, tuple[str, ...]] = {"辆": ("辆", "台", "部")}
BASIS_SHARE = "占比"
BASIS_EXECUTION = "完成预算比例"
BASIS_STATED_NONE = "文字表述为无"
# A project's amount in its own 绩效目标申报表 (a form, not a line of the 明细 table that lists every
# project: the two are not added up together).
BASIS_PROJECT_FORM = "申报表预算金额"
# A project's whole budget in the section that explains it (项目经费情况说明: "项目总预算1720.00万").
BASIS_PROJECT_SECTION = "项目总预算"
BASIS_BLANK_CELL = "表格空白"

# 绩效 (performance) tables: each indicator (三级指标) with its target (年度指标值) and, in a 决算, what
# was actually done (实际完成值), beside its weight (分值) and score (得分). Two facts a row, told apart
# by their basis; the metric is PERFORMANCE_METRIC and the indicator the fact's item.
PERFORMANCE_METRIC = "绩效指标"
# A 政府采购 table names the project each purchase is for, with that project's budget (项目来源).
BASIS_PROCUREMENT_PROJECT = "采购项目预算"
BASIS_TARGET = "年度指标值"
BASIS_DONE = "实际完成值"
# Header labels of a 绩效 table, each group longest first (实际完成指标值 before 指标值).
PERFORMANCE_NAME_LABELS: tuple[str, ...] = ("三级指标", "指标名称", "绩效指标名称")
PERFORMANCE_COLUMN_LABELS: dict[str, tuple[str, ...]] = {
    BASIS_DONE: ("实际完成指标值", "实际完成值", "全年实际值", "实际值", "完成值"),
    BASIS_TARGET: ("年度指标值", "预期指标值", "年初目标值", "年度目标值", "预期目标值", "计划指标值", "目标值",
                   "指标值"),
    "分值": ("分值", "权重"),
    "得分": ("得分",),
    # columns of words beside the figures: why a target was set or missed
    "说明": ("指标值确定依据", "确定依据", "偏差原因", "未完成原因", "备注", "单位(文字描述)"),
}
# A column describing each indicator after its name (举办培训次数 | 举办培训次数 ≥1次): the name is the first.
PERFORMANCE_DESCRIPTION_LABELS: tuple[str, ...] = ("绩效指标描述", "指标描述", "指标解释", "指标内容")
# A column holding only a target's comparison (符号: >=, <=, 文字描述), printed apart from its value.
PERFORMANCE_SYMBOL_LABELS: tuple[str, ...] = ("符号",)
# The 一级/二级指标 a 绩效 table groups its indicators under (and their weights "(50分)"): never an
# indicator's name.
PERFORMANCE_LEVEL_RE = (r"(?:(?:产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|"
                        r"服务对象满意度|约束性)指标|成本控制|完成时效|经济效益|社会效益|生态效益|可持续影响|"
                        r"服务对象和服务对象满意度|资金管理|\(\d+分?\))")
# Measure words a 绩效 value is counted in, printed apart from its number in PDF text ("40 个").
PERFORMANCE_UNITS: tuple[str, ...] = (
    "人次", "场次", "万元", "个", "座", "所", "块", "次", "场", "篇", "本", "份", "家", "项", "批", "台", "辆",
    "名", "位", "人", "处", "条", "期", "届", "册", "件", "万", "元", "天", "户", "套", "张", "部", "%",
)
# Words of a question asking for the target rather than what was done (计划新建几座 vs 新建了几座).
TARGET_WORDS: tuple[str, ...] = ("计划", "目标", "预期", "指标值", "预计", "拟")
# Labels a 绩效 narrative writes before what was planned and before what was done ("预期目标：…刊登10篇",
# "目标实际完成情况：…刊登12篇"): the later label in a passage tells which a number is (done first:
# 目标实际完成情况 is what was done).
STAGE_DONE, STAGE_TARGET = "实际完成", "预期目标"
SENTENCE_STAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    (STAGE_DONE, ("实际完成情况", "实际完成", "完成情况", "实际完成值", "实际")),
    (STAGE_TARGET, ("预期目标", "年度目标", "绩效目标", "目标任务", "计划", "目标")),
)
# A bare 万 in a cost indicator (成本 ≤4 万) is money.
PERFORMANCE_MONEY_WORDS: tuple[str, ...] = ("成本", "费用", "资金", "经费", "金额")

# Column labels of the standard tables, longest first when matched.
COLUMN_LABELS: tuple[str, ...] = (
    "本年收入合计", "本年支出合计", "合计", "小计", "总计", "基本支出", "项目支出", "经营支出",
    "上解上级支出", "上缴上级支出", "对附属单位补助支出", "对下级单位补助支出", "事业单位经营支出",
    "人员经费", "公用经费", "财政拨款收入", "财政专户收入", "财政专户核拨", "事业收入", "经营收入",
    "上级补助收入", "上年补助收入", "附属单位上缴收入", "其他收入", "上年结转",
    "用事业基金弥补收支差额", "一般公共预算拨款收入", "政府性基金预算拨款收入",
    "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款",
    "政府性基金预算拨款", "收入预算金额", "支出预算金额", "预算金额", "预算数", "决算数", "金额",
    "本年度预算", "数量", "价值", "行次", "年初结转和结余", "本年收入", "本年支出",
    "年末结转和结余", "全年预算数", "全年执行数", "执行率",
)
# Labels that head the name or code column, not a value column.
NAME_LABELS: tuple[str, ...] = (
    "收入项目类别", "支出项目类别", "项目", "科目名称", "科目编码", "经济分类名称", "经济分类代码",
    "单位名称(科目)", "科目",
)
# A header label that spans sub-columns headed by 小计 (PDF text prints it, and the label to
# its right, before the sub-columns).
GROUP_LABELS: tuple[str, ...] = ("本年收入", "本年支出")

# The standard tables (标准表) of a 部门预算 or 部门决算, each told by what it is: the words its title
# holds (tried in this order, the first match wins) and the header labels at least one of which its
# first lines show. A title alone (a table of contents line) names a table without reading it.
#   kind      the id the rest of the code knows the table by
#   names     its standard names (预算, 决算)
#   title     a pattern over the folded title
#   headers   header labels, any one of which confirms the table (empty: the title suffices)
#   total     the metric its 合计 row names in the table's main column
#   funding   which money the table counts (资金范围): figures of two fundings are two figures
#   sides     2 when the table is printed 收入 | 支出 side by side
TABLE_SPECS: tuple[dict, ...] = (
    dict(kind="三公", names=("“三公”经费和机关运行经费预算表", "财政拨款“三公”经费支出决算表"),
         title=r"三公.{0,3}经费", headers=(), total="三公经费", funding="三公", sides=1),
    dict(kind="政府性基金", names=("政府性基金预算支出功能分类预算表", "政府性基金预算财政拨款收入支出决算表"),
         title=r"政府(性)?基金", headers=(), total=None, funding="政府性基金", sides=1),
    dict(kind="国有资本经营", names=("国有资本经营预算支出功能分类预算表", "国有资本经营预算财政拨款支出决算表"),
         title=r"国有资本经营", headers=(), total=None, funding="国有资本", sides=1),
    dict(kind="政府采购", names=("政府采购预算表",), title=r"政府采购预算$|部门政府采购预算|政府采购(预算)?(明细)?表$",
         headers=(), total="政府采购", funding="政府采购", sides=1),
    dict(kind="固定资产", names=("固定资产占用情况表",), title=r"固定资产占用情况表",
         headers=(), total=None, funding="资产", sides=1),
    dict(kind="基本支出", names=("一般公共预算基本支出经济分类预算表", "一般公共预算财政拨款基本支出决算表"),
         title=r"基本支出.{0,14}表", headers=(), total="基本支出", funding="一般公共预算", sides=1),
    dict(kind="财政拨款收支", names=("财政拨款收支预算总表", "财政拨款收入支出决算总表"),
         title=r"财政拨款收(入)?(支出)?(决算|预算)?总表|财政拨款收支.{0,4}总表", headers=(),
         total=None, funding="财政拨款", sides=2),
    dict(kind="一般公共预算支出", names=("一般公共预算支出功能分类预算表", "一般公共预算财政拨款支出决算表"),
         title=r"一般公共预算(财政拨款)?支出.{0,8}表", headers=(), total="财政拨款支出",
         funding="一般公共预算", sides=1),
    dict(kind="收支总表", names=("财务收支预算总表", "收入支出决算总表"),
         title=r"收入?支出?(决算|预算)?总表|收支.{0,4}总表", headers=(), total=None, funding="全部", sides=2),
    dict(kind="明细", names=("项目支出明细预算表",), title=r"明细预算表|项目支出(预算)?(明细)?表$", headers=(),
         total="支出合计", funding="全部", sides=1),
    dict(kind="收入", names=("收入预算总表", "收入决算表"), title=r"收入(决算|预算)?(总)?表",
         headers=(), total="收入合计", funding="全部", sides=1),
    dict(kind="支出", names=("支出预算总表", "支出决算表"), title=r"支出(决算|预算)?(总)?表",
         headers=(), total="支出合计", funding="全部", sides=1),
    dict(kind="绩效目标", names=("项目支出绩效目标表",), title=r"绩效目标.{0,4}表$|项目支出绩效",
         headers=("绩效指标", "指标值", "一级指标", "二级指标", "三级指标", "年度目标", "指标名称"),
         total=None, funding="全部", sides=1),
)
# Words a sentence opens with when it points at a table printed elsewhere (详见单位的项目绩效目标表).
TABLE_REFERENCE_WORDS: tuple[str, ...] = ("详见", "参见", "具体见", "见附表")
TABLE_KINDS: tuple[tuple[str, str], ...] = tuple((spec["kind"], spec["title"]) for spec in TABLE_SPECS)
TABLE_HEADERS: dict[str, tuple[str, ...]] = {spec["kind"]: spec["headers"] for spec in TABLE_SPECS}
# In a table of a kind, the 合计 row names this metric for its first column.
TOTAL_ROW_METRIC: dict[str, str] = {spec["kind"]: spec["total"] for spec in TABLE_SPECS if spec["total"]}
# Which money a table counts (资金范围).
TABLE_FUNDING: dict[str, str] = {spec["kind"]: spec["funding"] for spec in TABLE_SPECS}
TWO_SIDED: tuple[str, ...] = tuple(spec["kind"] for spec in TABLE_SPECS if spec["sides"] == 2)
# Tables that list things rather than budget classes (read by parse.items), or none at all.
ITEM_TABLES: tuple[str, ...] = ("明细", "政府采购", "绩效目标")
# The table a figure is best read from when several state it (earlier wins).
TABLE_PRIORITY: tuple[str, ...] = (
    "三公", "基本支出", "收支总表", "支出", "一般公共预算支出", "收入", "财政拨款收支", "固定资产",
    "政府采购", "政府性基金", "国有资本经营", "明细",
)
# An empty table's note ("本部门无政府性基金预算…故本表为空表") states its own figure as none.
EMPTY_TABLE_METRIC: dict[str, str] = {
    "三公": "三公经费",
    "政府性基金": "政府性基金预算财政拨款支出",
    "国有资本经营": "国有资本经营预算财政拨款支出",
}

# Column headers: what a column of a standard table holds.
# Columns that hold a row's own figure (as opposed to one of its parts).
MAIN_COLUMNS: tuple[str, ...] = (
    "合计", "小计", "金额", "预算数", "决算数", "本年度预算", "预算金额", "本年收入合计", "本年支出合计",
    "收入预算金额", "支出预算金额", "本年支出", "本年收入",
)
BUDGET_COLUMNS: tuple[str, ...] = ("预算数", "本年度预算", "预算金额", "收入预算金额", "支出预算金额", "全年预算数",
                                   "年初预算数")
ACTUAL_COLUMNS: tuple[str, ...] = ("决算数", "全年执行数", "执行数")
# Columns that say where money comes from (资金性质), not what it is spent on, and the funding each is.
FUNDING_COLUMNS: dict[str, str] = {
    "一般公共预算财政拨款": "一般公共预算", "政府性基金预算财政拨款": "政府性基金",
    "国有资本经营预算财政拨款": "国有资本", "政府性基金预算拨款": "政府性基金",
    "一般公共预算": "一般公共预算", "政府性基金预算": "政府性基金", "国有资本经营预算": "国有资本",
}
# Columns a question may name beside a row ("2080505的事业收入", "科学技术支出里项目支出多少"): each
# group is one column as tables label it and as people say it. A word of a group names every label of
# it (the row holds one of them); a label the index holds that no group has is read as itself.
QUESTION_COLUMNS: tuple[tuple[str, ...], ...] = (
    ("基本支出", "基本经费"), ("项目支出", "项目经费"), ("人员经费", "人员支出"), ("公用经费", "公用支出"),
    ("财政拨款收入", "财政拨款"),
    ("一般公共预算财政拨款", "一般公共预算", "一般公共预算拨款", "一般公共预算拨款收入", "一般公共预算财政拨款收入"),
    ("政府性基金预算财政拨款", "政府性基金预算", "政府性基金预算拨款", "政府性基金预算拨款收入", "政府性基金"),
    ("国有资本经营预算财政拨款", "国有资本经营预算", "国有资本经营预算拨款", "国有资本经营预算拨款收入"),
    ("事业收入",), ("经营收入", "事业单位经营收入"), ("其他收入",), ("附属单位上缴收入",),
    ("上级补助收入",), ("上年补助收入",), ("财政专户收入", "财政专户管理资金收入", "财政专户核拨"),
    ("上年结转", "上年结转结余"), ("用事业基金弥补收支差额",),
    ("经营支出", "事业单位经营支出"), ("上缴上级支出", "上解上级支出"),
    ("对附属单位补助支出", "对下级单位补助支出"),
)
# Labels that are no column a question names beside a row: a row's own figure is asked by the row's
# name alone (MAIN_COLUMNS), the two sides by 预算数/决算数 (intent.STRICT_SIDES), the readings of a
# row by their own words (比上年, 占比, 执行率), a count or value of a stock by 几辆/值多少钱.
NOT_QUESTION_COLUMNS: tuple[str, ...] = (
    "全年预算数", "全年执行数", "执行数", "年初预算数", "执行率", "行次", "数量", "价值", "得分", "较上年增减",
    "较上年增减率", "上年数", "占比", "完成预算比例",
)
# Columns of a 明细 table that lists projects: its name, its amount, whether it is procured.
PROJECT_NAME_LABELS: tuple[str, ...] = ("项目名称",)
PROJECT_AMOUNT_LABELS: tuple[str, ...] = ("预算金额", "金额", "合计", "预算数")
PROCUREMENT_FLAG_LABELS: tuple[str, ...] = ("是否为政府采购项目", "是否采购")
# Columns of a 政府采购 table printed without catalog numbers: what is bought, and its amount.
PROCUREMENT_NAME_LABELS: tuple[str, ...] = ("采购项目", "采购品目", "品目名称", "采购品目名称", "项目名称")
PROCUREMENT_AMOUNT_LABELS: tuple[str, ...] = ("预算金额", "采购金额", "采购预算", "金额", "合计")
# Row names that are a table's total, and cells that only label a header (类/款/项, 栏次).
TOTAL_NAMES: tuple[str, ...] = ("合计", "总计")
# A table's total that counts a carry-over column beside the year's money (部门收入总表: 合计 | 上年结转 |
# 一般公共预算拨款收入 …) is the total with it: total -> (that total, the carry-over column labels).
TOTAL_WITH_CARRY_OVER: dict[str, tuple[str, tuple[str, ...]]] = {
    "收入合计": ("收入总计", ("上年结转", "上年结转结余", "年初结转和结余")),
}
# Rows a 总表 may break down by fund on the rows under them (一、一般公共预算财政拨款 …).
CARRY_OVER_METRICS: tuple[str, ...] = ("年初结转和结余", "年末结转和结余")
# Rows that total a table (or one side of it): in a column that is a part (基本支出, 人员经费),
# such a row states that part's total.
TOTAL_ROW_METRICS: tuple[str, ...] = ("收入总计", "支出总计", "收入合计", "支出合计", "财政拨款收入总计",
                                      "财政拨款支出总计", "收支总计", "财政拨款收支总计")
LABEL_ONLY_CELLS: tuple[str, ...] = ("类", "款", "项", "栏", "次", "栏次", "行次", "项目", "目", "序号")
# Code columns of a classification (科目编码 split over 类/款/项 cells) and name columns.
CODE_LEVEL_LABELS: tuple[str, ...] = ("类", "款", "项")
# Columns that number the rows (行次 1 2 3 …), not values.
ROW_NUMBER_LABELS: tuple[str, ...] = ("行次", "栏次", "序号")
CODE_HEADER_WORDS: tuple[str, ...] = ("编码", "代码")
NAME_HEADER_WORDS: tuple[str, ...] = ("名称", "^项目$", "^项目\\(科目\\)$")

ORG_SUFFIXES = ("科学技术协会", "科协")
# How people shorten an org's place name: 武汉市江汉区 -> 江汉区 -> 江汉.
PLACE_SUFFIXES = ("市", "区", "县", "旗", "盟", "州")

# What a publishing body is called at its end, longest first: 部门 and 单位 of any kind and level.
# A name is taken for an org only when it ends with one of these.
ORG_KINDS: tuple[str, ...] = (
    "科学技术协会", "街道办事处", "人民政府", "委员会", "办公室", "联合会", "科技馆", "办事处", "管理处", "幼儿园",
    "协会", "科协", "中心", "总局", "学校", "中学", "小学", "大学", "局", "部", "委", "院", "馆", "所", "厅", "署",
    "站", "队", "团", "会",
)
# The 科协 kinds: their documents keep the names they always had (2021-廊坊市科协-部门预算.txt).
KEXIE_KINDS: tuple[str, ...] = ("科学技术协会", "科协")
# What people add to a 科协's place name to call it (包头科协, 廊坊市科协, 江汉区科协).
KEXIE_ALIAS_SUFFIXES: tuple[str, ...] = ("科协", "科学技术协会", "市科协", "区科协")
# Lines that name the publishing body: (label, the scope it tells). 编制部门 heads each table of a
# 部门预算, 编制单位 those of a 单位预算; the cover says 预算主管部门 or 预算单位.
ORG_LABELS: tuple[tuple[str, str], ...] = (
    ("预算主管部门", "部门"), ("预算单位", "单位"), ("编制部门", "部门"), ("编制单位", "单位"),
    ("主管部门", "部门"), ("部门名称", "部门"), ("单位名称", "单位"),
)
# Labels that only name the body (单位名称：…), printed over the tables of a 部门预算 as of a 单位预算:
# the scope they imply gives way to the one the text states (2024年部门预算).
NAME_ONLY_LABELS: tuple[str, ...] = ("主管部门", "部门名称", "单位名称")
# A party body's name: 中共 + place + 委 + body (中共上海市普陀区委社会工作部).
PARTY_PREFIX = "中共"
# How people shorten the body of a name (商务委员会 -> 商务委), each tried alone.
ORG_SHORTENINGS: tuple[tuple[str, str], ...] = (
    ("委员会", "委"), ("人民政府办公室", "政府办公室"), ("人民政府办公室", "政府办"), ("人民政府", "政府"),
    ("科学技术协会", "科协"), ("街道办事处", "街道"), ("街道办事处", "街道办"), ("镇人民政府", "镇"),
    ("乡人民政府", "乡"),
)
# How a body's kind ends the abbreviations people make of its name, which keep one character of
# each word in order (社会工作部 -> 社工部, 发展和改革委员会 -> 发改委, 卫生健康委员会 -> 卫健委,
# 市场监督管理局 -> 市监局, 人民政府办公室 -> 政府办): the kind -> the character the abbreviation ends in.
ABBREVIATED_KINDS: dict[str, str] = {
    "委员会": "委", "办公室": "办", "总局": "局", "局": "局", "部": "部", "委": "委", "厅": "厅", "署": "署",
}
# The two scopes of a disclosure: a 部门 (the department with its units) or one 单位.
DOC_SCOPES: tuple[str, ...] = ("部门", "单位")

# The standard set of tables of a 预算 and of a 决算 (nine each), by the kind TABLE_SPECS recognizes,
# in the order disclosures print them; each is told by its name in TABLE_SPECS ("标准表 8/9，未读到：…").
STANDARD_KINDS: tuple[str, ...] = (
    "收支总表", "收入", "支出", "财政拨款收支", "一般公共预算支出", "政府性基金", "国有资本经营", "基本支出", "三公",
)
STANDARD_TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    doc_kind: tuple((spec["kind"], spec["names"][side]) for kind in STANDARD_KINDS
                    for spec in TABLE_SPECS if spec["kind"] == kind)
    for side, doc_kind in enumerate(("预算", "决算"))
}

# --- the audit's rules, as data (kexie check) ---------------------------------------------------------
# Figures a narrative states that a table may state too (the aggregates, not one class or project).
COMPARABLE_METRICS = (
    "收入总计", "支出总计", "收入合计", "支出合计", "基本支出", "项目支出", "人员经费", "公用经费",
    "财政拨款收入", "财政拨款支出", "一般公共预算拨款收入", "年初结转和结余", "年末结转和结余", "三公经费",
    "因公出国（境）费", "公务用车购置及运行维护费", "公务用车购置费", "公务用车运行维护费", "公务接待费",
    "政府采购", "机关运行经费", "收支总计", "财政拨款收支总计",
)
# A total and the parts that make it: (total, required parts, parts counted when stated).
AUDIT_IDENTITIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("基本支出", ("人员经费", "公用经费"), ()),
    ("支出合计", ("基本支出", "项目支出"), ("上缴上级支出", "经营支出", "对附属单位补助支出")),
    ("财政拨款支出", ("基本支出", "项目支出"), ()),
    ("三公经费", ("因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"), ()),
    ("公务用车购置及运行维护费", ("公务用车购置费", "公务用车运行维护费"), ()),
    ("收入总计", ("收入合计", "年初结转和结余"), ("使用非财政拨款结余", "用事业基金弥补收支差额")),
    ("支出总计", ("支出合计", "年末结转和结余"), ("结余分配",)),
    ("政府采购", ("政府采购货物支出", "政府采购工程支出", "政府采购服务支出"), ()),
)
# Within one row of an expenditure table: the row's total and its columns.
AUDIT_ROW_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "支出": (("基本支出", "项目支出"), ("上缴上级支出", "上解上级支出", "经营支出", "事业单位经营支出",
                                     "对附属单位补助支出", "对下级单位补助支出")),
    "一般公共预算支出": (("基本支出", "项目支出"), ()),
    "基本支出": (("人员经费", "公用经费"), ()),
}
# A total the narrative names that a two-sided table states as its 总计 row: (table kind, its rows).
NARRATIVE_TABLE_TOTALS: dict[str, tuple[str, tuple[str, ...]]] = {
    "收支总计": ("收支总表", ("收入总计", "支出总计")),
    "财政拨款收支总计": ("财政拨款收支", ("收入总计", "支出总计")),
}
# Tables whose 功能分类 rows are spending: a code in two of them, in columns of one meaning and one
# funding, is one figure (not 收入: income by class is other money than spending by class).
CODE_SPENDING_KINDS: tuple[str, ...] = ("支出", "一般公共预算支出", "财政拨款收支", "政府性基金", "国有资本经营")
CODE_PART_COLUMNS: tuple[str, ...] = ("基本支出", "项目支出")
# Tables whose 功能分类 rows are income by class (收入决算表, 部门收入总表): never the same figure as a spending row.
INCOME_KINDS: tuple[str, ...] = ("收入",)
# Two-sided tables whose spending side lists 功能分类 classes by name only (八、社会保障和就业支出):
# a named class is the class the document codes under that name in its other tables.
CLASS_NAME_KINDS: tuple[str, ...] = ("收支总表", "财政拨款收支")
# Narrative totals that are followed by their 功能分类 classes or items (…财政拨款支出2940.05万元，主要用于
# 以下方面：一般公共服务支出（类）2106.66万元…; 年初预算为…其中：1、…（项）年初预算为…).
CODE_LIST_TOTALS: tuple[str, ...] = ("财政拨款支出", "支出合计")
# The budget a stated execution rate names (完成年初预算的95.89%): it is computed against that one.
RATE_BUDGET_WORDS: dict[str, str] = {"年初预算": BASIS_BUDGET, "全年预算": BASIS_FULL_YEAR}
# Words that open a narrative list of all of a total's items (not 其中: it may list some, or two breakdowns).
LIST_MARKERS: tuple[str, ...] = ("主要包括", "具体包括", "包括")
# Words that open a list of some of a total's parts, or of two breakdowns of it (其中：A a、B b): only a sum
# that rounding explains says the list was all of the total.
LIST_PARTIAL_MARKERS: tuple[str, ...] = ("其中",)
# Words that make a clause after a list no item of it (a change, a share, another total).
NOT_LIST_ITEM_WORDS: tuple[str, ...] = ("较", "比上年", "增加", "减少", "增长", "下降", "合计", "共计", "总计", "占")


# Measure words a count is told in, and the words it may be written with instead (几辆 finds 2台).
MEASURES: dict[str, tuple[str, ...]] = {
    "辆": ("辆", "台", "部"), "台": ("台", "辆"), "部": ("部", "辆", "台"), "人": ("人", "名"), "名": ("名", "人"),
    "位": ("位", "人", "名"), "天": ("天",), "场": ("场", "次", "期"), "次": ("次", "场", "期"), "期": ("期", "次"),
    "家": ("家", "个", "所"), "所": ("所", "个", "家"), "个": ("个", "座", "家", "所", "项"), "座": ("座", "个"),
    "本": ("本", "册", "份"), "册": ("册", "本"), "篇": ("篇",), "批": ("批", "批次"), "项": ("项", "个"),
    "人次": ("人次", "万人次"), "观众": ("人次", "万人次"),
}
# Units a claimed number may carry (秦皇岛三公经费2.41万元, 接待了5批次), longest first.
CLAIM_UNITS: tuple[str, ...] = tuple(sorted({"亿元", "万元", "亿", "万", "元", "%", *MEASURES,
                                             *(u for units in MEASURES.values() for u in units)}, key=len, reverse=True))
