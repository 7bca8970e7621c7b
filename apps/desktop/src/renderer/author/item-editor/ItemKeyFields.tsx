import { collectBlankIds } from '@skillexam/shared';
import { Form, Input, Radio, Typography } from 'antd';
import { type RefObject } from 'react';
import { useI18n } from '../../i18n';
import { RichEditor } from '../editor/RichEditor';
import { type DraftIssue, type ItemDraft } from '../item-draft';
import { OptionEditor } from '../OptionEditor';
import { issueText } from './field-issues';

interface Props {
  readonly draft: ItemDraft;
  /** The newest draft, ahead of `draft` while a rich editor's change is being rendered. */
  readonly latest: RefObject<ItemDraft | undefined>;
  readonly issues: DraftIssue[];
  readonly generation: number;
  readonly uploadImage: (file: File) => Promise<string>;
  readonly onChange: (draft: ItemDraft) => void;
  readonly onReorder: () => void;
}

/** The answer part of the form, by item type: options, √/×, blank answers or a reference answer. */
export function ItemKeyFields(props: Props) {
  const { draft, issues, generation, uploadImage, onChange } = props;
  const { t } = useI18n();
  const keyIssue = issueText(issues, 'key');
  const blankIds = draft.type === 'fill_blank' ? collectBlankIds(draft.stem) : [];
  return (
    <>
      {(draft.type === 'single_choice' || draft.type === 'multiple_choice') && (
        <Form.Item
          label={t('author.editor.options')}
          validateStatus={keyIssue === undefined ? '' : 'error'}
          help={keyIssue ?? t('author.editor.optionsHelp')}
        >
          <OptionEditor
            draft={draft}
            onChange={onChange}
            uploadImage={uploadImage}
            issues={issues}
            generation={generation}
            onReorder={props.onReorder}
          />
        </Form.Item>
      )}
      {draft.type === 'true_false' && (
        <Form.Item label={t('author.editor.key')}>
          <Radio.Group
            value={draft.trueFalse}
            onChange={(event) => onChange({ ...draft, trueFalse: event.target.value === true })}
            data-testid="true-false-key"
          >
            <Radio value>√ {t('author.editor.true')}</Radio>
            <Radio value={false}>× {t('author.editor.false')}</Radio>
          </Radio.Group>
        </Form.Item>
      )}
      {draft.type === 'fill_blank' && (
        <Form.Item
          label={t('author.editor.blankAnswers')}
          validateStatus={keyIssue === undefined ? '' : 'error'}
          help={keyIssue ?? t('author.editor.blankAnswersHelp')}
        >
          {blankIds.length === 0 && (
            <Typography.Text type="secondary">{t('author.editor.noBlanks')}</Typography.Text>
          )}
          {blankIds.map((id) => (
            <Input
              key={id}
              addonBefore={id}
              aria-label={`${t('author.editor.blankAnswers')} ${id}`}
              value={draft.blankAnswers[id] ?? ''}
              onChange={(event) =>
                onChange({
                  ...draft,
                  blankAnswers: { ...draft.blankAnswers, [id]: event.target.value },
                })
              }
              style={{ marginBottom: 4 }}
            />
          ))}
        </Form.Item>
      )}
      {draft.type === 'short_answer' && (
        <Form.Item
          label={t('author.editor.referenceAnswer')}
          validateStatus={keyIssue === undefined ? '' : 'error'}
          help={keyIssue}
        >
          <RichEditor
            key={`ref-${generation}`}
            testId="reference-editor"
            label={t('author.editor.referenceAnswer')}
            value={draft.referenceAnswer}
            uploadImage={uploadImage}
            onChange={(referenceAnswer) =>
              onChange({ ...(props.latest.current ?? draft), referenceAnswer })
            }
          />
        </Form.Item>
      )}
    </>
  );
}
