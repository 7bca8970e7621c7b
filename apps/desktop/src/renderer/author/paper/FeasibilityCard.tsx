import { Alert, Card, Typography } from 'antd';
import { useI18n } from '../../i18n';
import { type BlueprintCheck } from './use-paper-workbench';

/** The live check of the blueprint against the bank: invalid, infeasible or feasible. */
export function FeasibilityCard({ check }: { readonly check: BlueprintCheck | undefined }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('author.paper.feasibility')} data-testid="feasibility">
      {check === undefined ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : !check.valid ? (
        <Alert
          type="error"
          showIcon
          message={t('author.paper.invalid')}
          description={
            <ul>
              {check.issues.map((i) => (
                <li key={i}>{i}</li>
              ))}
            </ul>
          }
        />
      ) : check.problems.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          message={t('author.paper.infeasible', {
            need: check.itemCount,
            eligible: check.eligible,
          })}
          description={
            <ul>
              {check.problems.map((p) => (
                <li key={p.message}>{p.message}</li>
              ))}
            </ul>
          }
        />
      ) : (
        <Alert
          type="success"
          showIcon
          message={t('author.paper.feasible', {
            need: check.itemCount,
            eligible: check.eligible,
          })}
          data-testid="feasible"
        />
      )}
    </Card>
  );
}
