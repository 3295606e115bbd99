import { render, screen } from '@testing-library/react';
import { IssueTypeIcon } from '../../static/structure-ui/src/components/tree/IssueTypeIcon';

describe('IssueTypeIcon without Jira’s own icon', () => {
  it('gives each standard type its own glyph, so Story and Sub-task differ by more than colour', () => {
    // given
    const types = ['Initiative', 'Epic', 'Story', 'Task', 'Bug', 'Sub-task', 'Subtask'];
    render(
      <>
        {types.map((name) => (
          <IssueTypeIcon key={name} name={name} />
        ))}
        <IssueTypeIcon name="Risk" />
      </>,
    );
    // then
    const glyphOf = (name: string) => screen.getByRole('img', { name }).getAttribute('data-glyph');
    expect(types.map(glyphOf)).toEqual(['initiative', 'epic', 'story', 'task', 'bug', 'sub-task', 'sub-task']);
    expect(glyphOf('Story')).not.toBe(glyphOf('Sub-task'));
    expect(glyphOf('Risk')).toBe('initial');
    expect(screen.getByRole('img', { name: 'Risk' }).textContent).toBe('R');
  });
});
