import type { AnswerValue } from '@skillexam/shared';
import { Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { isAnswered, type PaperIndex } from './exam-navigation';

interface Props {
  readonly open: boolean;
  readonly index: PaperIndex;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly flagged: ReadonlySet<string>;
  readonly onGoTo: (itemId: string) => void;
  readonly onClose: () => void;
  readonly onSubmit: () => void;
}

/** 交卷前检查: unanswered and flagged questions, then an explicit confirmation. */
export function ReviewDialog(props: Props) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const unanswered = props.index.items.filter((f) => !isAnswered(props.answers.get(f.item.itemId)));
  const flagged = props.index.items.filter((f) => props.flagged.has(f.item.itemId));
  const close = () => {
    setConfirming(false);
    props.onClose();
  };
  const list = (items: typeof unanswered) => (
    <div className="review-list">
      {items.map((f) => (
        <Button
          key={f.item.itemId}
          size="small"
          onClick={() => {
            close();
            props.onGoTo(f.item.itemId);
          }}
        >
          {f.item.number}
        </Button>
      ))}
    </div>
  );
  return (
    <Modal
      open={props.open}
      title={t('exam.reviewTitle')}
      onCancel={close}
      width={640}
      footer={
        <Space>
          <Button onClick={close}>{t('exam.backToExam')}</Button>
          {confirming ? (
            <Button type="primary" danger onClick={props.onSubmit} data-testid="confirm-submit">
              {t('exam.confirmSubmit')}
            </Button>
          ) : (
            <Button
              type="primary"
              danger
              onClick={() => setConfirming(true)}
              data-testid="review-submit"
            >
              {t('exam.submit')}
            </Button>
          )}
        </Space>
      }
    >
      <div data-testid="review-dialog">
        {unanswered.length === 0 ? (
          <Typography.Paragraph>{t('exam.reviewAllAnswered')}</Typography.Paragraph>
        ) : (
          <>
            <Typography.Title level={5}>
              {t('exam.reviewUnanswered', { count: unanswered.length })}
            </Typography.Title>
            {list(unanswered)}
          </>
        )}
        {flagged.length > 0 && (
          <>
            <Typography.Title level={5}>
              {t('exam.reviewFlagged', { count: flagged.length })}
            </Typography.Title>
            {list(flagged)}
          </>
        )}
        {confirming && (
          <Typography.Paragraph type="danger" strong>
            {t('exam.confirmSubmitText')}
          </Typography.Paragraph>
        )}
      </div>
    </Modal>
  );
}
