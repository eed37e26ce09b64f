/** Names, places, branches and products the demo data is drawn from. */
import type { Industry, ProductRiskLevel, ProductType } from "../schemas/enums.js";

/** Common surnames with rough relative frequencies. */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 7.1],
  ["李", 7.0],
  ["张", 6.7],
  ["刘", 5.4],
  ["陈", 4.5],
  ["杨", 3.1],
  ["黄", 2.2],
  ["赵", 2.0],
  ["吴", 1.9],
  ["周", 1.9],
  ["徐", 1.5],
  ["孙", 1.5],
  ["马", 1.4],
  ["朱", 1.3],
  ["胡", 1.2],
  ["郭", 1.1],
  ["何", 1.1],
  ["林", 1.0],
  ["高", 1.0],
  ["罗", 1.0],
  ["郑", 0.9],
  ["梁", 0.9],
  ["谢", 0.8],
  ["宋", 0.7],
  ["唐", 0.7],
  ["许", 0.7],
  ["韩", 0.7],
  ["冯", 0.6],
  ["邓", 0.6],
  ["曹", 0.6],
  ["彭", 0.6],
  ["曾", 0.6],
  ["肖", 0.6],
  ["田", 0.5],
  ["董", 0.5],
  ["袁", 0.5],
  ["潘", 0.5],
  ["于", 0.5],
  ["蒋", 0.5],
  ["蔡", 0.5],
  ["余", 0.5],
  ["杜", 0.5],
  ["叶", 0.5],
  ["程", 0.4],
  ["魏", 0.4],
  ["苏", 0.4],
  ["吕", 0.4],
  ["丁", 0.4],
  ["任", 0.4],
  ["沈", 0.4],
  ["姚", 0.4],
  ["卢", 0.4],
  ["姜", 0.4],
  ["崔", 0.3],
  ["钟", 0.3],
  ["欧阳", 0.1],
];
export const GIVEN_MALE = [..."伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林建国峰志文博"];
export const GIVEN_FEMALE = [..."芳娜敏静丽艳娟霞秀燕玲桂英红梅琳婷雪慧莹颖晶倩琪欣怡佳悦萍洁"];
export const COMPANY_WORDS = [..."华鑫恒达瑞丰盛泰宏远嘉诚信安明创新科汇通博康源德隆"];

export const INDUSTRY_WORDS: Record<Industry, string> = {
  agriculture: "农业发展",
  mining: "矿业",
  manufacturing: "机械制造",
  utilities: "能源",
  construction: "建设工程",
  wholesale_retail: "商贸",
  transport_logistics: "物流",
  hospitality_catering: "餐饮管理",
  information_technology: "信息技术",
  finance: "投资管理",
  real_estate: "置业",
  business_services: "企业管理咨询",
  research_technology: "科技",
  education: "教育咨询",
  healthcare: "医疗器械",
  culture_sports: "文化传媒",
  other: "实业",
};

export interface City {
  name: string;
  province: string;
  /** County-level codes (GB/T 2260) with district names. */
  districts: readonly (readonly [code: string, name: string])[];
  streets: readonly string[];
}

export const CITIES: readonly City[] = [
  {
    name: "北京市",
    province: "",
    districts: [
      ["110101", "东城区"],
      ["110105", "朝阳区"],
      ["110108", "海淀区"],
    ],
    streets: ["建国路", "朝阳北路", "中关村大街", "学院路"],
  },
  {
    name: "上海市",
    province: "",
    districts: [
      ["310101", "黄浦区"],
      ["310104", "徐汇区"],
      ["310115", "浦东新区"],
    ],
    streets: ["南京东路", "淮海中路", "世纪大道", "漕溪北路"],
  },
  {
    name: "广州市",
    province: "广东省",
    districts: [
      ["440103", "荔湾区"],
      ["440106", "天河区"],
    ],
    streets: ["天河路", "中山大道", "黄埔大道"],
  },
  {
    name: "深圳市",
    province: "广东省",
    districts: [
      ["440303", "罗湖区"],
      ["440305", "南山区"],
      ["440306", "宝安区"],
    ],
    streets: ["深南大道", "科技园路", "宝安大道"],
  },
  {
    name: "杭州市",
    province: "浙江省",
    districts: [
      ["330102", "上城区"],
      ["330106", "西湖区"],
    ],
    streets: ["文三路", "延安路", "天目山路"],
  },
  {
    name: "南京市",
    province: "江苏省",
    districts: [
      ["320102", "玄武区"],
      ["320106", "鼓楼区"],
    ],
    streets: ["中山路", "北京西路", "汉中路"],
  },
  {
    name: "成都市",
    province: "四川省",
    districts: [
      ["510104", "锦江区"],
      ["510107", "武侯区"],
    ],
    streets: ["人民南路", "红星路", "科华北路"],
  },
  {
    name: "武汉市",
    province: "湖北省",
    districts: [
      ["420102", "江岸区"],
      ["420106", "武昌区"],
    ],
    streets: ["解放大道", "中北路", "武珞路"],
  },
  {
    name: "西安市",
    province: "陕西省",
    districts: [
      ["610102", "新城区"],
      ["610113", "雁塔区"],
    ],
    streets: ["长安北路", "小寨东路", "东大街"],
  },
  {
    name: "苏州市",
    province: "江苏省",
    districts: [
      ["320505", "虎丘区"],
      ["320506", "吴中区"],
    ],
    streets: ["干将路", "人民路", "星湖街"],
  },
];

export interface Branch {
  id: string;
  name: string;
  cityIndex: number;
}

export const BRANCHES: readonly Branch[] = [
  { id: "BR-BJ-CY", name: "北京朝阳支行", cityIndex: 0 },
  { id: "BR-BJ-HD", name: "北京海淀支行", cityIndex: 0 },
  { id: "BR-SH-PD", name: "上海浦东支行", cityIndex: 1 },
  { id: "BR-SH-XH", name: "上海徐汇支行", cityIndex: 1 },
  { id: "BR-SZ-NS", name: "深圳南山支行", cityIndex: 3 },
  { id: "BR-GZ-TH", name: "广州天河支行", cityIndex: 2 },
  { id: "BR-HZ-XH", name: "杭州西湖支行", cityIndex: 4 },
  { id: "BR-CD-WH", name: "成都武侯支行", cityIndex: 6 },
];

export interface DemoProduct {
  code: string;
  name: string;
  type: ProductType;
  risk?: ProductRiskLevel;
  /** Customer rate as a fraction per year. */
  rate?: number;
  /** Term in months, for time deposits, CDs, loans and bonds. */
  termMonths?: number;
}

export const PRODUCTS: readonly DemoProduct[] = [
  { code: "DEP-CUR", name: "活期储蓄", type: "current_deposit", rate: 0.0005 },
  { code: "DEP-TD-1Y", name: "整存整取一年", type: "time_deposit", rate: 0.0095, termMonths: 12 },
  { code: "DEP-TD-3Y", name: "整存整取三年", type: "time_deposit", rate: 0.0125, termMonths: 36 },
  { code: "CD-3Y", name: "个人大额存单三年", type: "certificate_of_deposit", rate: 0.0155, termMonths: 36 },
  { code: "WM-R1-CASH", name: "天天利现金管理", type: "wealth_management", risk: "R1", rate: 0.016 },
  { code: "WM-R2-STABLE", name: "稳享固收增强", type: "wealth_management", risk: "R2", rate: 0.026 },
  { code: "WM-R3-BAL", name: "睿享平衡配置", type: "wealth_management", risk: "R3", rate: 0.032 },
  { code: "FD-MM", name: "货币市场基金", type: "fund", risk: "R1" },
  { code: "FD-BOND", name: "纯债债券基金", type: "fund", risk: "R2" },
  { code: "FD-MIX", name: "偏股混合基金", type: "fund", risk: "R3" },
  { code: "FD-EQ", name: "沪深300指数基金", type: "fund", risk: "R4" },
  { code: "FD-QDII", name: "全球科技QDII基金", type: "fund", risk: "R5" },
  { code: "INS-ANNUITY", name: "鑫享年金保险", type: "insurance" },
  { code: "INS-WL", name: "终身寿险（分红型）", type: "insurance" },
  { code: "PM-GOLD", name: "积存金", type: "precious_metal", risk: "R3" },
  {
    code: "TB-SAV-3Y",
    name: "储蓄国债（电子式）三年",
    type: "treasury_bond",
    risk: "R1",
    rate: 0.0193,
    termMonths: 36,
  },
  { code: "LN-MTG", name: "个人住房贷款", type: "mortgage", rate: 0.0305, termMonths: 360 },
  { code: "LN-CONS", name: "个人信用消费贷", type: "consumer_loan", rate: 0.0345, termMonths: 36 },
  { code: "LN-BIZ", name: "小微企业经营贷", type: "business_loan", rate: 0.0355, termMonths: 12 },
  { code: "CC-STD", name: "标准信用卡", type: "credit_card", rate: 0.1825 },
  { code: "CC-PLAT", name: "白金信用卡", type: "credit_card", rate: 0.1825 },
];

export const TAGS_INDIVIDUAL = [
  "代发工资",
  "房贷客户",
  "养老金",
  "新市民",
  "高净值潜客",
  "年轻客群",
  "跨境需求",
  "社保卡",
  "手机银行活跃",
  "理财偏好",
];
export const TAGS_CORPORATE = ["小微企业", "专精特新", "外贸企业", "供应链", "代发企业", "科技型企业"];
