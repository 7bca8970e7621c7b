import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { Button, Checkbox, Radio, Space, Tooltip, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useI18n } from '../i18n';
import { RichEditor } from './editor/RichEditor';
import {
  addOption,
  moveOption,
  removeOption,
  toggleKey,
  type DraftIssue,
  type ItemDraft,
} from './item-draft';

/** The options of a choice item: one small editor each, key marking, Alt+↑/↓ to reorder. */
export function OptionEditor(props: {
  readonly draft: ItemDraft;
  readonly onChange: (draft: ItemDraft) => void;
  readonly uploadImage: (file: File) => Promise<string>;
  readonly issues: DraftIssue[];
  /** Changes when options are reordered, so the small editors reload their content. */
  readonly generation: number;
  readonly onReorder: () => void;
}) {
  const { t } = useI18n();
  const { draft, onChange } = props;
  const multiple = draft.type === 'multiple_choice';
  const move = (index: number, delta: -1 | 1) => {
    onChange(moveOption(draft, index, delta));
    props.onReorder();
  };
  const formKey = (index: number) => (event: KeyboardEvent<HTMLDivElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return false;
    event.preventDefault();
    move(index, event.key === 'ArrowUp' ? -1 : 1);
    return true;
  };
  return (
    <div className="author-options" data-testid="option-editor">
      {draft.options.map((option, index) => {
        const isKey = draft.keys.includes(option.id);
        const issue = props.issues.find(
          (entry) => entry.field === 'options' && entry.at === String(index),
        );
        return (
          <div
            key={`${props.generation}-${option.id}`}
            className={isKey ? 'author-option is-key' : 'author-option'}
          >
            <div className="author-option-head">
              {multiple ? (
                <Checkbox
                  checked={isKey}
                  data-testid={`option-key-${option.id}`}
                  onChange={() => onChange(toggleKey(draft, option.id))}
                >
                  <b>{option.id}</b>
                </Checkbox>
              ) : (
                <Radio
                  checked={isKey}
                  data-testid={`option-key-${option.id}`}
                  onChange={() => onChange(toggleKey(draft, option.id))}
                >
                  <b>{option.id}</b>
                </Radio>
              )}
              <Space size={0}>
                <Tooltip title={t('author.editor.moveUp')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    aria-label={t('author.editor.moveUp')}
                  />
                </Tooltip>
                <Tooltip title={t('author.editor.moveDown')}>
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={index === draft.options.length - 1}
                    onClick={() => move(index, 1)}
                    aria-label={t('author.editor.moveDown')}
                  />
                </Tooltip>
                <Tooltip title={t('author.editor.removeOption')}>
                  <Button
                    size="small"
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={draft.options.length <= 2}
                    onClick={() => {
                      onChange(removeOption(draft, index));
                      props.onReorder();
                    }}
                    aria-label={t('author.editor.removeOption')}
                  />
                </Tooltip>
              </Space>
            </div>
            <RichEditor
              compact
              testId={`option-${option.id}`}
              label={t('author.editor.optionLabel', { id: option.id })}
              value={option.content}
              uploadImage={props.uploadImage}
              onFormKey={formKey(index)}
              onChange={(content) =>
                onChange({
                  ...draft,
                  options: draft.options.map((entry, i) =>
                    i === index ? { ...entry, content } : entry,
                  ),
                })
              }
            />
            {issue !== undefined && (
              <Typography.Text type="danger">{issue.message}</Typography.Text>
            )}
          </div>
        );
      })}
      {draft.options.length < 6 && (
        <Button icon={<PlusOutlined />} onClick={() => onChange(addOption(draft))}>
          {t('author.editor.addOption')}
        </Button>
      )}
    </div>
  );
}
