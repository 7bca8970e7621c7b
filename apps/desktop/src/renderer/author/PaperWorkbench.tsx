import { type StandardSummaryView } from '@skillexam/shared';
import { Card, Col, Empty, Row } from 'antd';
import { useI18n } from '../i18n';
import { itemCount } from './blueprint-edit';
import { AssemblyCard } from './paper/AssemblyCard';
import { BlueprintCard } from './paper/BlueprintCard';
import { FeasibilityCard } from './paper/FeasibilityCard';
import { PaperPreviewModal } from './paper/PaperPreviewModal';
import { usePaperWorkbench } from './paper/use-paper-workbench';

/** 组卷: blueprint editor with a live feasibility check, assembly, preview, PDFs and packages. */
export function PaperWorkbench({ standard }: { readonly standard?: StandardSummaryView }) {
  const { t } = useI18n();
  const paper = usePaperWorkbench(standard);
  const { blueprint, check } = paper;

  if (standard === undefined) return <Empty description={t('author.standards.empty')} />;
  if (blueprint === undefined) return <Card loading />;

  const feasible = check !== undefined && check.valid && check.problems.length === 0;
  return (
    <Row gutter={16} data-testid="paper-workbench">
      <Col span={13}>
        <BlueprintCard
          standard={standard}
          draft={paper.draft}
          blueprint={blueprint}
          weights={paper.weights}
          onLevel={paper.setLevel}
          onChange={paper.setBlueprint}
        />
      </Col>
      <Col span={11}>
        <FeasibilityCard check={check} />
        <AssemblyCard
          forms={paper.forms}
          onForms={paper.setForms}
          seed={paper.seed}
          onSeed={paper.setSeed}
          itemCount={itemCount(blueprint)}
          feasible={feasible}
          running={paper.running}
          progress={paper.progress}
          onCancel={paper.cancel}
          cancelled={paper.cancelled}
          error={paper.error}
          result={paper.result}
          onAssemble={() => void paper.assemble(blueprint)}
          onPreview={paper.setPreview}
        />
      </Col>
      <PaperPreviewModal preview={paper.preview} onClose={() => paper.setPreview(undefined)} />
    </Row>
  );
}
