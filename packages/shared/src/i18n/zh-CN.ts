/**
 * Simplified Chinese messages: the default and the reference locale. Every other locale must
 * have exactly these keys (`MessageKey`). Keys are dotted `area.name`; `{name}` is a parameter.
 */
export const zhCN = {
  'app.title': '职业技能等级认定理论考试系统',
  'app.subtitle': '依据国家职业技能标准的理论知识机考与题库管理',
  'app.authorMode': '命题工作台',
  'app.examMode': '考试',
  'app.proctorConsole': '监考控制台',

  'home.modes': '运行模式',
  'home.author': '命题工作台',
  'home.authorDescription': '编写与审核试题，管理题库、组卷方案和试卷',
  'home.kiosk': '考试机',
  'home.kioskDescription': '考生在锁定的考试机上登录、作答和交卷',

  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.retry': '重试',
  'common.loading': '加载中…',

  'level.apprentice': '学徒工',
  'level.5': '五级/初级工',
  'level.4': '四级/中级工',
  'level.3': '三级/高级工',
  'level.2': '二级/技师',
  'level.1': '一级/高级技师',
  'level.special_technician': '特级技师',
  'level.chief_technician': '首席技师',

  'itemType.true_false': '判断题',
  'itemType.single_choice': '单选题',
  'itemType.multiple_choice': '多选题',
  'itemType.fill_blank': '填空题',
  'itemType.short_answer': '简答题',

  'importance.X': '核心',
  'importance.Y': '一般',
  'importance.Z': '辅助',

  'reviewStatus.draft': '草稿',
  'reviewStatus.in_review': '审核中',
  'reviewStatus.approved': '已通过',
  'reviewStatus.rejected': '已退回',
  'reviewStatus.retired': '已停用',

  'sessionStatus.scheduled': '未开始',
  'sessionStatus.check_in': '检录中',
  'sessionStatus.running': '考试中',
  'sessionStatus.paused': '已暂停',
  'sessionStatus.ended': '已结束',

  'attemptStatus.registered': '未登录',
  'attemptStatus.logged_in': '待确认身份',
  'attemptStatus.admitted': '已入场',
  'attemptStatus.in_progress': '答题中',
  'attemptStatus.paused': '已暂停',
  'attemptStatus.submitted': '已交卷',
  'attemptStatus.force_submitted': '已强制交卷',
  'attemptStatus.absent': '缺考',
  'attemptStatus.voided': '试卷作废',

  'candidate.name': '姓名',
  'candidate.admissionTicketNumber': '准考证号',
  'candidate.idNumber': '身份证号',
  'candidate.seat': '座位号',

  'exam.timeRemaining': '剩余时间 {time}',
  'exam.submit': '交卷',
  'exam.savedLocally': '已保存到本机',
  'exam.savedToServer': '已保存到服务器',

  'error.badRequest': '请求无效，请检查输入',
  'error.unauthorized': '未登录或登录已失效，请重新登录',
  'error.forbidden': '没有执行此操作的权限',
  'error.notFound': '未找到请求的内容',
  'error.conflict': '数据已被修改，请刷新后重试',
  'error.rateLimited': '操作过于频繁，请稍后再试',
  'error.unavailable': '服务暂不可用，请稍后再试',
  'error.internal': '系统内部错误，请联系管理员',
  'error.network': '网络连接中断，正在重试…',
  'error.timeout': '请求超时，请重试',

  'bridge.title': '本机服务',
  'bridge.status': '连接状态',
  'bridge.failed': '无法连接本机服务',
  'bridge.nodeVersion': 'Node.js 版本',
  'bridge.pid': '进程号',
  'bridge.roundTrip': '往返延迟',
  'bridge.roundTripMs': '{ms} 毫秒',
  'bridge.connecting': '正在连接本机服务…',
  'bridge.connected': '已连接到本机服务',
  'bridge.disconnected': '与本机服务的连接已断开',
  'bridge.hostRuntime': '宿主运行环境',
  'bridge.runtime.electron': '桌面应用（Electron）',
  'bridge.runtime.node': 'Node.js（Web 外壳）',
} as const;

export type MessageKey = keyof typeof zhCN;
