/**
 * The plain shapes the statistics read. A site `ProgramView` / company entry from
 * src/data/site-data.ts satisfies them as they are, and so does a test fixture.
 */

/** A program's fields the statistics need. */
export interface StatsProgram {
  id: string;
  data: {
    company: string;
    field: string;
    audience: string;
    regions: readonly string[];
    /** 등록일, `YYYY-MM-DD`. */
    registeredAt: string;
  };
}

/** A company's fields the statistics need. */
export interface StatsCompany {
  id: string;
  data: {
    name: string;
    class: string;
  };
}

/** One bucket of a count: a label and how many. */
export interface Count {
  key: string;
  count: number;
}
