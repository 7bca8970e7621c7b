import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import {
  ANSWER_KEY_STYLES,
  errorMessage,
  formatAnswerKey,
  type AuthorUser,
  type BankItemView,
  type BankSearchHit,
} from '@skillexam/shared';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Input,
  List,
  Row,
  Space,
  Tag,
  Typography,
  message,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../i18n';
import { bank } from './author-api';
import { BodyView, ItemPreview } from './ItemPreview';

/**
 * 审核队列: items waiting for review; the reviewer reads the item as the candidate will see it,
 * with its key and explanation, and approves or rejects with a comment. Nobody approves an item
 * they wrote or last changed: the bank refuses it, and the queue says so before they try.
 */
export function ReviewQueue({
  user,
  onChanged,
}: {
  readonly user: AuthorUser;
  readonly onChanged: () => void;
}) {
  const { t } = useI18n();
  const [hits, setHits] = useState<BankSearchHit[]>([]);
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState<BankItemView>();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string>();

  const load = useCallback(() => {
    bank('bank:search', { query: '', filter: { status: 'in_review' }, offset: 0, limit: 200 }).then(
      (page) => {
        setHits(page.hits);
        setTotal(page.total);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, []);
  useEffect(load, [load]);

  const open = (id: string) => {
    setError(undefined);
    setComment('');
    bank('bank:get-item', { id }).then(setSelected, (e: unknown) => setError(errorMessage(e)));
  };

  const act = async (action: 'approve' | 'reject') => {
    if (selected === undefined) return;
    try {
      const { results } = await bank('bank:review', {
        ids: [selected.item.id],
        action,
        ...(comment.trim() === '' ? {} : { comment: comment.trim() }),
      });
      const result = results[0];
      if (result?.ok === true) {
        void message.success(
          action === 'approve' ? t('author.review.approved') : t('author.review.rejected'),
        );
        setSelected(undefined);
        load();
        onChanged();
      } else setError(result?.error ?? '');
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  const own =
    selected !== undefined &&
    (selected.author === user.id || selected.versionCreatedBy === user.id);
  const item = selected?.item;
  return (
    <Row gutter={16}>
      <Col span={8}>
        <Card size="small" title={`${t('author.review.queue')}（${total}）`}>
          {hits.length === 0 ? (
            <Empty description={t('author.review.empty')} />
          ) : (
            <List
              size="small"
              dataSource={hits}
              data-testid="review-list"
              renderItem={(hit) => (
                <List.Item
                  onClick={() => open(hit.id)}
                  className={selected?.item.id === hit.id ? 'author-row-selected' : 'author-row'}
                  data-testid="review-row"
                >
                  <List.Item.Meta
                    title={
                      <span>
                        <Tag>{t(`itemType.${hit.type}`)}</Tag>
                        {hit.pointPath}
                      </span>
                    }
                    description={hit.snippet}
                  />
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col span={16}>
        {item === undefined ? (
          <Card size="small">
            <Empty description={t('author.review.pick')} />
          </Card>
        ) : (
          <Card
            size="small"
            title={`${t('author.editor.item')} ${item.id.slice(0, 8)} · v${item.version} · ${selected?.pointPath ?? ''}`}
            data-testid="review-detail"
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text type="secondary">
                {t('author.review.author')}：{selected?.author} · {t('author.review.lastChangedBy')}
                ：{selected?.versionCreatedBy}
              </Typography.Text>
              <ItemPreview content={item} />
              <Card size="small" type="inner" title={t('author.editor.key')}>
                <Typography.Text strong data-testid="review-key">
                  {formatAnswerKey(item, ANSWER_KEY_STYLES.review)}
                </Typography.Text>
                {item.type === 'short_answer' && <BodyView body={item.key.referenceAnswer} />}
              </Card>
              {item.explanation !== undefined && (
                <Card size="small" type="inner" title={t('author.editor.explanation')}>
                  <BodyView body={item.explanation} />
                </Card>
              )}
              {own && (
                <Alert
                  type="warning"
                  showIcon
                  message={t('author.review.ownItem')}
                  data-testid="own-item-warning"
                />
              )}
              {error !== undefined && (
                <Alert type="error" showIcon message={error} data-testid="review-error" />
              )}
              <Input.TextArea
                rows={3}
                value={comment}
                placeholder={t('author.review.commentPlaceholder')}
                onChange={(event) => setComment(event.target.value)}
                data-testid="review-comment"
              />
              <Space>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  onClick={() => void act('approve')}
                  data-testid="approve-item"
                >
                  {t('author.review.approve')}
                </Button>
                <Button
                  danger
                  icon={<CloseOutlined />}
                  onClick={() => void act('reject')}
                  data-testid="reject-item"
                >
                  {t('author.review.reject')}
                </Button>
              </Space>
            </Space>
          </Card>
        )}
      </Col>
    </Row>
  );
}
