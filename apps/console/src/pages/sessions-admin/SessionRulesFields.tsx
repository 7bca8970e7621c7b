import { Form, InputNumber, Radio, Switch } from 'antd';
import { useConsole } from '../../console-context';

/*
 * The 考务规则 of a session with the server's defaults pre-filled and one line each saying
 * what the rule does; the server checks them (e.g. no rule longer than the exam).
 */
export function SessionRulesFields() {
  const { t } = useConsole();
  const minutes = (name: string, label: string, extra: string, max = 10_000) => (
    <Form.Item name={name} label={label} extra={extra} rules={[{ required: true }]}>
      <InputNumber
        min={0}
        max={max}
        precision={0}
        suffix={t('minutesUnit')}
        style={{ width: 160 }}
      />
    </Form.Item>
  );
  return (
    <>
      <Form.Item name="checkInMode" label={t('checkInMode')} extra={t('checkInModeHelp')}>
        <Radio.Group
          options={[
            { value: 'manual', label: t('checkInManual') },
            { value: 'auto', label: t('checkInAuto') },
          ]}
        />
      </Form.Item>
      {minutes('checkInOpensMinutesBefore', t('checkInOpens'), t('checkInOpensHelp'), 240)}
      {minutes('lateEntryCutoffMinutes', t('lateEntryCutoff'), t('lateEntryCutoffHelp'))}
      {minutes('earliestSubmissionMinutes', t('earliestSubmission'), t('earliestSubmissionHelp'))}
      {minutes('extensionCapMinutes', t('extensionCap'), t('extensionCapHelp'), 600)}
      <Form.Item
        name="allowPracticeClients"
        label={t('allowPracticeClients')}
        extra={t('allowPracticeClientsHelp')}
        valuePropName="checked"
      >
        <Switch />
      </Form.Item>
    </>
  );
}
