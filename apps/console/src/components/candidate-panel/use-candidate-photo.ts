import type { AttemptView } from '@skillexam/shared';
import { useEffect, useState } from 'react';
import { fetchPhoto } from '../../api/console-client';

/** The candidate's registration photo as an object URL, revoked when the panel moves on. */
export function useCandidatePhoto(attempt: AttemptView, token: string): string | undefined {
  const [photo, setPhoto] = useState<string | undefined>();
  useEffect(() => {
    let url: string | undefined;
    let live = true;
    setPhoto(undefined);
    if (attempt.photoAssetHash !== undefined) {
      void fetchPhoto(token, attempt.attemptId).then((loaded) => {
        url = loaded;
        if (live) setPhoto(loaded);
      });
    }
    return () => {
      live = false;
      if (url !== undefined) URL.revokeObjectURL(url);
    };
  }, [attempt.attemptId, attempt.photoAssetHash, token]);
  return photo;
}
