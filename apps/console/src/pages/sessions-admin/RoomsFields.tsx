import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useConsole } from '../../console-context';
import { defaultRoomName } from './session-form-messages';

/** The rooms of a new session: id, name, seats (seat maps are drawn later in 座位图). */
export function RoomsFields() {
  const { t, lang } = useConsole();
  return (
    <Form.Item label={t('rooms')} extra={t('roomsHelp')} required>
      <Form.List name="rooms">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map((field, index) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'id']} rules={[{ required: true }]} noStyle>
                  <Input
                    aria-label={`${t('roomId')} ${index + 1}`}
                    placeholder="r1"
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true }]} noStyle>
                  <Input
                    aria-label={`${t('roomName')} ${index + 1}`}
                    placeholder={defaultRoomName(lang, 1)}
                    style={{ width: 180 }}
                  />
                </Form.Item>
                <Form.Item name={[field.name, 'seatCount']} rules={[{ required: true }]} noStyle>
                  <InputNumber
                    aria-label={`${t('seatCount')} ${index + 1}`}
                    min={1}
                    max={999}
                    precision={0}
                    suffix={t('seatsUnit')}
                  />
                </Form.Item>
                <Button
                  aria-label={`${t('removeRoom')} ${index + 1}`}
                  icon={<DeleteOutlined />}
                  disabled={fields.length === 1}
                  onClick={() => remove(field.name)}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                add({
                  id: `r${fields.length + 1}`,
                  name: defaultRoomName(lang, fields.length + 1),
                  seatCount: 30,
                })
              }
            >
              {t('addRoom')}
            </Button>
          </Space>
        )}
      </Form.List>
    </Form.Item>
  );
}
