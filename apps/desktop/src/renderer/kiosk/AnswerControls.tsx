import { collectBlankIds, type AnswerValue, type CandidatePaperItem } from '@skillexam/shared';
import { Input } from 'antd';
import { useI18n } from '../i18n';
import { optionLabel, toggleOption } from './exam-navigation';
import { ItemBodyView } from './ItemBodyView';

interface Props {
  readonly item: CandidatePaperItem;
  readonly value: AnswerValue | undefined;
  readonly onChange: (value: AnswerValue) => void;
}

/** The answer controls of one item, by type. Big targets; the letter doubles as the shortcut. */
export function AnswerControls({ item, value, onChange }: Props) {
  const { t } = useI18n();
  const groupName = t('exam.question', { number: item.number });
  switch (item.type) {
    case 'true_false': {
      const chosen = value?.kind === 'true_false' ? value.value : undefined;
      return (
        <div className="options" role="radiogroup" aria-label={groupName}>
          {([true, false] as const).map((v) => (
            <button
              key={String(v)}
              type="button"
              role="radio"
              aria-checked={chosen === v}
              className={`option${chosen === v ? ' selected' : ''}`}
              onClick={() => onChange({ kind: 'true_false', value: v })}
            >
              <span className="option-letter">{v ? '√' : '×'}</span>
              <span className="option-text">{v ? t('exam.true') : t('exam.false')}</span>
              <kbd>{v ? 'T' : 'F'}</kbd>
            </button>
          ))}
        </div>
      );
    }
    case 'single_choice':
    case 'multiple_choice': {
      const selected = value?.kind === 'choice' ? value.selected : [];
      const multiple = item.type === 'multiple_choice';
      const toggle = (id: string) => {
        const next = multiple ? toggleOption(selected, id) : [id];
        onChange({ kind: 'choice', selected: next });
      };
      return (
        <div className="options" role={multiple ? 'group' : 'radiogroup'} aria-label={groupName}>
          {item.options.map((option, position) => {
            const isOn = selected.includes(option.id);
            return (
              <button
                key={option.id}
                type="button"
                role={multiple ? 'checkbox' : 'radio'}
                aria-checked={isOn}
                className={`option${isOn ? ' selected' : ''}${multiple ? ' multiple' : ''}`}
                onClick={() => toggle(option.id)}
              >
                <span className="option-letter">{optionLabel(position)}</span>
                <ItemBodyView body={option.content} className="option-text" />
              </button>
            );
          })}
        </div>
      );
    }
    case 'fill_blank': {
      const values = value?.kind === 'blanks' ? value.values : {};
      return (
        <div className="blanks">
          {collectBlankIds(item.stem).map((blankId, i) => (
            <label key={blankId} className="blank-field">
              <span>{t('exam.blank', { n: i + 1 })}</span>
              <Input
                size="large"
                value={values[blankId] ?? ''}
                placeholder={t('exam.answerPlaceholder')}
                onChange={(e) =>
                  onChange({ kind: 'blanks', values: { ...values, [blankId]: e.target.value } })
                }
              />
            </label>
          ))}
        </div>
      );
    }
    case 'short_answer':
      return (
        <Input.TextArea
          className="short-answer"
          autoSize={{ minRows: 8, maxRows: 20 }}
          value={value?.kind === 'text' ? value.text : ''}
          aria-label={t('exam.answerLabel', { number: item.number })}
          placeholder={t('exam.answerPlaceholder')}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      );
  }
}
