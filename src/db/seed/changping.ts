/** Changping district (昌平区, Beijing): the base of the source article, its towns and communities. */
export const DEMO_BASE = { code: "changping", name: "昌平区社会组织孵化基地", district: "北京市昌平区" };

export const DEMO_TOWNS: { name: string; kind: "town" | "subdistrict"; communities: string[] }[] = [
  {
    name: "城北街道",
    kind: "subdistrict",
    communities: ["西关社区", "东关社区", "南环里社区", "宁馨苑社区"],
  },
  { name: "城南街道", kind: "subdistrict", communities: ["水关新村社区", "昌盛园社区", "鼓楼南街社区"] },
  {
    name: "回龙观街道",
    kind: "subdistrict",
    communities: ["龙禧社区", "金域华府社区", "风雅园社区", "新龙城社区"],
  },
  { name: "龙泽园街道", kind: "subdistrict", communities: ["龙泽苑社区", "龙腾苑社区", "云趣园社区"] },
  { name: "史各庄街道", kind: "subdistrict", communities: ["领秀慧谷社区", "融泽嘉园社区"] },
  {
    name: "天通苑北街道",
    kind: "subdistrict",
    communities: ["天通北苑第一社区", "天通西苑第二社区", "佳运园社区"],
  },
  {
    name: "天通苑南街道",
    kind: "subdistrict",
    communities: ["天通中苑社区", "东辰社区", "天通东苑第三社区"],
  },
  { name: "霍营街道", kind: "subdistrict", communities: ["华龙苑中里社区", "蓝天园社区", "龙锦苑东一社区"] },
  { name: "东小口镇", kind: "town", communities: ["太平家园社区", "森林大第社区", "魏窑村"] },
  { name: "北七家镇", kind: "town", communities: ["名佳花园社区", "温泉花园社区", "平西府村"] },
  { name: "沙河镇", kind: "town", communities: ["于辛庄村", "保利罗兰香谷社区", "北京科技经营管理学院社区"] },
  { name: "南口镇", kind: "town", communities: ["南口村", "兴隆街社区", "龙虎台村"] },
  { name: "小汤山镇", kind: "town", communities: ["小汤山村", "汤南社区", "尚信村"] },
  { name: "马池口镇", kind: "town", communities: ["马池口村", "亭自庄村", "奥北社区"] },
  { name: "百善镇", kind: "town", communities: ["百善村", "东沙屯村"] },
  { name: "崔村镇", kind: "town", communities: ["崔村", "真顺村"] },
  { name: "兴寿镇", kind: "town", communities: ["兴寿村", "香屯村"] },
  { name: "阳坊镇", kind: "town", communities: ["阳坊村", "西贯市村"] },
  { name: "流村镇", kind: "town", communities: ["流村", "王家园村"] },
  { name: "十三陵镇", kind: "town", communities: ["长陵村", "泰陵园村"] },
  { name: "延寿镇", kind: "town", communities: ["延寿村", "湖门村"] },
];

export const DEMO_PASSWORD = "Hatchery2026";

/** One demo account per role; `member` is linked to the first resident organization. */
export const DEMO_ACCOUNTS = [
  { username: "admin", displayName: "王建国", roles: ["admin"], mobile: "13800000001" },
  { username: "staff", displayName: "李晓梅", roles: ["staff"], mobile: "13800000002" },
  { username: "expert", displayName: "张立新", roles: ["expert"], mobile: "13800000003" },
  { username: "mentor", displayName: "陈思远", roles: ["mentor"], mobile: "13800000004" },
  { username: "member", displayName: "刘芳", roles: ["org_member"], mobile: "13800000005" },
  {
    username: "viewer",
    displayName: "赵国强",
    roles: ["government_viewer"],
    mobile: "13800000006",
  },
  {
    username: "liaison",
    displayName: "孙丽",
    roles: ["community_liaison"],
    mobile: "13800000007",
  },
  { username: "partner", displayName: "周明", roles: ["partner"], mobile: "13800000008" },
  // A second staff member: a grant or a payment one prepares, the other approves (funding's two-person rule).
  { username: "staff2", displayName: "吴敏", roles: ["staff"], mobile: "13800000009" },
] as const;
