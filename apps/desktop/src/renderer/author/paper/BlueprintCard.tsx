import { type StandardSummaryView, type TheoryLevelCode } from '@skillexam/shared';
import {
  Alert,
  Card,
  Collapse,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useI18n } from '../../i18n';
import { type EditableBlueprint } from '../blueprint-edit';
import { AddSectionButtons, BlueprintSectionsTable } from './BlueprintSections';
import { draftNote } from './draft-note';
import { RangeAllocationButtons, RangeBoundsTable } from './RangeAllocation';
import { type BlueprintDraft, type RangeWeight } from './use-paper-workbench';

interface Props {
  readonly standard: StandardSummaryView;
  readonly draft: BlueprintDraft | undefined;
  readonly blueprint: EditableBlueprint;
  readonly weights: readonly RangeWeight[];
  readonly onLevel: (level: TheoryLevelCode) => void;
  readonly onChange: (blueprint: EditableBlueprint) => void;
}

/** The blueprint editor: level, title, marks, sections, importance, difficulty and ranges. */
export function BlueprintCard({ standard, draft, blueprint, weights, onLevel, onChange }: Props) {
  const { t, locale } = useI18n();
  const note = draftNote(draft, blueprint, t, locale);
  return (
    <Card size="small" title={t('author.paper.blueprint')}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {note !== undefined && draft !== undefined && (
          <Alert
            type={draft.feasible ? 'info' : 'warning'}
            showIcon
            message={note}
            data-testid="draft-note"
          />
        )}
        <Space wrap>
          <Select<TheoryLevelCode>
            value={blueprint.level}
            aria-label={t('kiosk.level')}
            style={{ width: 160 }}
            onChange={onLevel}
            options={standard.levels.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          />
          <Input
            style={{ width: 360 }}
            aria-label={t('author.paper.titleLabel')}
            value={blueprint.title}
            onChange={(e) => onChange({ ...blueprint, title: e.target.value })}
          />
        </Space>
        <Space wrap>
          <span>{t('author.paper.duration')}</span>
          <InputNumber
            min={1}
            max={600}
            value={blueprint.durationMinutes}
            aria-label={t('author.paper.duration')}
            onChange={(v) => onChange({ ...blueprint, durationMinutes: v ?? 90 })}
          />
          <span>{t('author.paper.fullMarks')}</span>
          <Tag data-testid="full-marks">{blueprint.fullMarks}</Tag>
          <span>{t('author.paper.passMark')}</span>
          <InputNumber
            min={0}
            max={blueprint.fullMarks}
            value={blueprint.passMark ?? 60}
            aria-label={t('author.paper.passMark')}
            onChange={(v) => onChange({ ...blueprint, passMark: v ?? 60 })}
          />
          <span>{t('author.paper.maxPerPoint')}</span>
          <InputNumber
            min={1}
            max={20}
            value={blueprint.maxItemsPerPoint ?? 1}
            aria-label={t('author.paper.maxPerPoint')}
            onChange={(v) => onChange({ ...blueprint, maxItemsPerPoint: v ?? 1 })}
          />
        </Space>
        <BlueprintSectionsTable blueprint={blueprint} onChange={onChange} />
        <AddSectionButtons blueprint={blueprint} onChange={onChange} />
        <Space wrap>
          <span>{t('author.paper.xShare')}</span>
          <InputNumber
            min={0}
            max={100}
            value={Math.round((blueprint.importance?.X?.minShare ?? 0) * 100)}
            onChange={(v) =>
              onChange({
                ...blueprint,
                importance: (v ?? 0) === 0 ? {} : { X: { minShare: (v ?? 0) / 100 } },
              })
            }
            addonAfter="%"
            aria-label={t('author.paper.xShare')}
            data-testid="x-share"
          />
          <span>{t('author.paper.difficultyMix')}</span>
          <Switch
            checked={blueprint.difficulty !== undefined}
            aria-label={t('author.paper.difficultyMix')}
            data-testid="difficulty-mix"
            onChange={(on) => {
              const { difficulty: _omit, ...rest } = blueprint;
              void _omit;
              onChange(
                on
                  ? {
                      ...rest,
                      difficulty: {
                        kind: 'mix',
                        easy: 0.2,
                        medium: 0.7,
                        hard: 0.1,
                        tolerance: 0.1,
                      },
                    }
                  : rest,
              );
            }}
          />
        </Space>
        <Typography.Text strong>{t('author.paper.ranges')}</Typography.Text>
        <RangeAllocationButtons blueprint={blueprint} weights={weights} onChange={onChange} />
        <RangeBoundsTable blueprint={blueprint} weights={weights} onChange={onChange} />
        <Collapse
          size="small"
          items={[
            {
              key: 'json',
              label: t('author.paper.json'),
              children: <pre className="author-json">{JSON.stringify(blueprint, null, 2)}</pre>,
            },
          ]}
        />
      </Space>
    </Card>
  );
}
