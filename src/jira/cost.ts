// Jira cost of a job, counted the way Jira's points quota counts it: 1 point per call plus
// 1 point per object returned (issues), 2 per identity/permission object.

export interface JiraCost {
  calls: number;
  points: number;
}

export class JiraCostMeter implements JiraCost {
  calls = 0;
  points = 0;

  record(objects: number, pointsPerObject = 1): void {
    this.calls += 1;
    this.points += 1 + objects * pointsPerObject;
  }

  snapshot(): JiraCost {
    return { calls: this.calls, points: this.points };
  }
}
