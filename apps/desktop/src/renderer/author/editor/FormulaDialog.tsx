import { Input, Modal } from 'antd';
import { useI18n } from '../../i18n';
import { renderFormula } from '../ItemPreview';

/** Edits one LaTeX formula with a live preview. */
export function FormulaDialog(props: {
  readonly title: string;
  readonly latex: string;
  readonly onChange: (latex: string) => void;
  readonly onOk: () => void;
  readonly onCancel: () => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={props.title}
      onOk={props.onOk}
      onCancel={props.onCancel}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      destroyOnHidden
    >
      <Input.TextArea
        autoFocus
        data-testid="formula-input"
        value={props.latex}
        rows={3}
        placeholder="\\frac{U}{R}"
        onChange={(event) => props.onChange(event.target.value)}
      />
      <div
        className="author-formula-preview"
        data-testid="formula-preview"
        dangerouslySetInnerHTML={{ __html: renderFormula(props.latex, true) }}
      />
    </Modal>
  );
}
