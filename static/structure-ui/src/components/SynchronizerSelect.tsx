import { HelperMessage, Label } from '@atlaskit/form';
import Select from '@atlaskit/select';
import type { SynchronizerInfo } from '../../../../src/contract';

interface Option {
  label: string;
  value: string;
}

export function SynchronizerSelect(props: {
  synchronizers: SynchronizerInfo[];
  value: string | undefined;
  onChange: (key: string) => void;
}) {
  const options = props.synchronizers.map((s) => ({ label: s.label, value: s.key }));
  const chosen = props.synchronizers.find((s) => s.key === props.value);
  return (
    <div>
      <Label htmlFor="synchronizer">Synchronizer</Label>
      <Select<Option>
        inputId="synchronizer"
        options={options}
        value={options.find((o) => o.value === props.value) ?? null}
        onChange={(o) => o && props.onChange(o.value)}
        placeholder="Choose a synchronizer"
        testId="synchronizer-select"
      />
      {chosen?.description && <HelperMessage>{chosen.description}</HelperMessage>}
    </div>
  );
}
