import type { AnswerValue, CandidatePaper } from '@skillexam/shared';
import { memo } from 'react';
import { useI18n } from '../i18n';
import { isAnswered, type PaletteCounts, type PaperIndex } from './exam-navigation';

interface Props {
  readonly paper: CandidatePaper;
  readonly index: PaperIndex;
  readonly answers: ReadonlyMap<string, AnswerValue>;
  readonly flagged: ReadonlySet<string>;
  readonly currentId: string;
  readonly counts: PaletteCounts;
  readonly onSelect: (itemId: string) => void;
}

/** 答题卡: every question by number, coloured answered / flagged / current / unanswered. */
export const QuestionPalette = memo(function QuestionPalette(props: Props) {
  const { t } = useI18n();
  const { paper, index, answers, flagged, currentId, counts, onSelect } = props;
  return (
    <nav className="palette" aria-label={t('exam.palette')}>
      <div className="palette-counts" data-testid="palette-counts">
        <span className="legend answered">
          {t('exam.palette.answered', { count: counts.answered })}
        </span>
        <span className="legend unanswered">
          {t('exam.palette.unanswered', { count: counts.unanswered })}
        </span>
        <span className="legend flagged">
          {t('exam.palette.flagged', { count: counts.flagged })}
        </span>
      </div>
      {paper.sections.map((section, sectionIndex) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          <div className="palette-grid">
            {index.items
              .filter((f) => f.sectionIndex === sectionIndex)
              .map(({ item }) => {
                const classes = [
                  'cell',
                  isAnswered(answers.get(item.itemId)) ? 'answered' : '',
                  flagged.has(item.itemId) ? 'flagged' : '',
                  item.itemId === currentId ? 'current' : '',
                ].join(' ');
                return (
                  <button
                    key={item.itemId}
                    type="button"
                    className={classes}
                    aria-current={item.itemId === currentId ? 'step' : undefined}
                    onClick={() => onSelect(item.itemId)}
                  >
                    {item.number}
                  </button>
                );
              })}
          </div>
        </section>
      ))}
    </nav>
  );
});
