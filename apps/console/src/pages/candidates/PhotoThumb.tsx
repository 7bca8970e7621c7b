import { UserOutlined } from '@ant-design/icons';
import { Avatar } from 'antd';
import { useEffect, useState } from 'react';
import { fetchPhoto } from '../../api/console-client';
import { useConsole } from '../../console-context';

/** The roster photo (GET /api/console/photo) as a small thumbnail; a placeholder without one. */
export function PhotoThumb({
  attemptId,
  alt,
}: {
  readonly attemptId?: string;
  readonly alt: string;
}) {
  const { login } = useConsole();
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (attemptId === undefined) return undefined;
    let live = true;
    let loaded: string | undefined;
    void fetchPhoto(login.token, attemptId).then((objectUrl) => {
      loaded = objectUrl;
      if (live) setUrl(objectUrl);
      else if (objectUrl !== undefined) URL.revokeObjectURL(objectUrl);
    });
    return () => {
      live = false;
      if (loaded !== undefined) URL.revokeObjectURL(loaded);
    };
  }, [attemptId, login.token]);
  return url === undefined ? (
    <Avatar shape="square" size={40} icon={<UserOutlined />} aria-label={alt} />
  ) : (
    <Avatar shape="square" size={40} src={url} alt={alt} />
  );
}
