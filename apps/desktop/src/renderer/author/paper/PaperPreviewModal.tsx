import { type CandidatePaper } from '@skillexam/shared';
import { Modal, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { BodyView } from '../ItemPreview';

interface Props {
  readonly preview: CandidatePaper | undefined;
  readonly onClose: () => void;
}

/** An assembled form as the candidate will see it: sections, stems and options. */
export function PaperPreviewModal({ preview, onClose }: Props) {
  const { t } = useI18n();
  return (
    <Modal
      open={preview !== undefined}
      width={860}
      footer={null}
      onCancel={onClose}
      title={preview?.title}
      destroyOnHidden
    >
      {preview !== undefined && (
        <div className="author-paper-preview" data-testid="paper-preview-body">
          <Typography.Paragraph type="secondary">
            {t('author.paper.previewInfo', {
              minutes: preview.durationMinutes,
              marks: preview.fullMarks,
            })}
          </Typography.Paragraph>
          {preview.sections.map((section) => (
            <div key={section.title}>
              <Typography.Title level={5}>{section.title}</Typography.Title>
              {section.items.map((item) => (
                <div key={item.itemId} className="author-paper-item">
                  <b>{item.number}.</b>
                  <div>
                    <BodyView body={item.stem} />
                    {'options' in item &&
                      item.options.map((option) => (
                        <div key={option.id} className="author-preview-option">
                          <b>{option.id}.</b>
                          <BodyView body={option.content} />
                        </div>
                      ))}
                  </div>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
    </Modal>
  );
}
