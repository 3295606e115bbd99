import { useUserName } from '../api/useUserName';

export function UserName(props: { accountId: string }) {
  return <span title={props.accountId}>{useUserName(props.accountId)}</span>;
}
