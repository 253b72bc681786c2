import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, engineerApi } from '../api';
import type { Department, QueueFlag, RequestGroup, User } from '../../../server/contract/types';
import { replaceUrlQuietly } from '../router';
import { DepartmentPicker } from '../ui/DepartmentPicker';
import { NoteDialog } from '../ui/NoteDialog';
import { canWork, picksDepartment } from '../ui/rights';
import { Tabs } from '../ui/Tabs';
import { Toast } from '../ui/Toast';
import { useToast } from '../ui/useToast';
import { ArticleList } from './ArticleList';
import { FlagList, queueFlagLabel } from './FlagList';
import { RequestGroups } from './RequestGroups';
import { useQueue } from './useQueue';

interface Props {
  user: User;
  department: Department;
  departments: Department[];
}

const TABS = ['requests', 'flags', 'stale', 'failing'] as const;
type TabKey = (typeof TABS)[number];

/** The tab asked for in the address (`?tab=flags`), else the requests. */
function tabFromUrl(): TabKey {
  const asked = new URLSearchParams(location.search).get('tab');
  return TABS.find((t) => t === asked) ?? 'requests';
}

type Resolving = { kind: 'flag'; flag: QueueFlag } | { kind: 'group'; group: RequestGroup };

/** Resolves every request of a group; one already resolved (by a colleague) is not an error. */
async function resolveGroup(group: RequestGroup, note: string): Promise<void> {
  for (const id of group.requestIds) {
    try {
      await engineerApi.resolveQueueItem('requests', id, note);
    } catch (err) {
      if (!(err instanceof ApiError && err.id === 'queue_item_resolved')) throw err;
    }
  }
}

function Section(props: {
  id: string;
  title: string;
  count?: number;
  children: ComponentChildren;
}) {
  return (
    <section class="queue-section" aria-labelledby={props.id}>
      <h2 id={props.id} tabIndex={-1}>
        {props.title}
        {props.count !== undefined && <span class="queue-count"> ({props.count})</span>}
      </h2>
      {props.children}
    </section>
  );
}

/** A department's work: callers' unanswered searches, flags, stale and failing articles. */
export function QueuePage({ user, department, departments }: Props) {
  const { queue, loading, error, reload } = useQueue(department.slug);
  const [resolving, setResolving] = useState<Resolving | null>(null);
  const resolved = useRef(false);
  const toast = useToast();
  const canAct = canWork(user, department.slug);
  const [tab, setTab] = useState<TabKey>(tabFromUrl);
  function selectTab(k: TabKey) {
    setTab(k);
    replaceUrlQuietly(
      `/queue/${encodeURIComponent(department.slug)}${k === 'requests' ? '' : `?tab=${k}`}`,
    );
  }

  useEffect(() => {
    document.title = `${department.name} queue · Firstcall`;
  }, [department.name]);

  async function resolve(note: string) {
    if (!resolving) return;
    if (resolving.kind === 'flag')
      await engineerApi.resolveQueueItem('flags', resolving.flag.id, note);
    else await resolveGroup(resolving.group, note);
    resolved.current = true;
    setResolving(null);
    toast.show('Resolved. Thank you.');
    reload();
  }

  return (
    <div class="queue-page">
      <div class="page-head">
        <h1>{department.name} queue</h1>
        {picksDepartment(user) && (
          <DepartmentPicker base="/queue" current={department.slug} departments={departments} />
        )}
      </div>
      {!canAct && (
        <p class="notice notice-info">
          Read only: the department’s engineers and admins work this queue.
        </p>
      )}
      {error && (
        <div class="notice notice-error" role="alert">
          <p>Could not load the queue: {error}</p>
          <button type="button" class="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {!queue && !error && <p class="article-loading">Loading the queue…</p>}
      {queue && (
        <div class={loading ? 'queue is-loading' : 'queue'} aria-busy={loading ? 'true' : 'false'}>
          <Tabs
            label="Queue"
            idPrefix="queue"
            selected={tab}
            onSelect={selectTab}
            tabs={[
              { key: 'requests', label: 'Needs an article', count: queue.requestGroups.length },
              { key: 'flags', label: 'Open flags', count: queue.flags.length },
              { key: 'stale', label: 'Stale', count: queue.stale.length },
              { key: 'failing', label: 'Failing', count: queue.failing.length },
            ]}
          >
            {tab === 'requests' && (
              <Section
                id="queue-requests"
                title="Needs an article"
                count={queue.requestGroups.length}
              >
                <RequestGroups
                  department={department.slug}
                  groups={queue.requestGroups}
                  requests={queue.requests}
                  canAct={canAct}
                  onResolve={(group) => setResolving({ kind: 'group', group })}
                />
              </Section>
            )}
            {tab === 'flags' && (
              <Section id="queue-flags" title="Open flags" count={queue.flags.length}>
                <FlagList
                  flags={queue.flags}
                  canAct={canAct}
                  onResolve={(flag) => setResolving({ kind: 'flag', flag })}
                />
              </Section>
            )}
            {tab === 'stale' && (
              <Section id="queue-stale" title="Stale articles" count={queue.stale.length}>
                <ArticleList
                  kind="stale"
                  label="Stale articles"
                  articles={queue.stale}
                  empty="Every validated article is within its verify-by date."
                />
              </Section>
            )}
            {tab === 'failing' && (
              <Section id="queue-failing" title="Failing articles" count={queue.failing.length}>
                <ArticleList
                  kind="failing"
                  label="Failing articles"
                  articles={queue.failing}
                  empty="No validated article keeps failing on calls."
                />
              </Section>
            )}
          </Tabs>
        </div>
      )}
      {resolving && (
        <NoteDialog
          title={resolving.kind === 'flag' ? 'Resolve flag' : 'Resolve request'}
          subtitle={
            resolving.kind === 'flag'
              ? `${queueFlagLabel[resolving.flag.reason] ?? resolving.flag.reason}: ${resolving.flag.article.title}`
              : `“${resolving.group.queries.join('”, “')}”`
          }
          submitLabel="Resolve"
          noteLabel="How was it resolved?"
          required
          onSubmit={resolve}
          onCancel={() => setResolving(null)}
          // a resolved item leaves the list: focus its section, not a vanished button
          returnFocus={() => {
            if (!resolved.current) return undefined;
            resolved.current = false;
            return document.getElementById(
              resolving.kind === 'flag' ? 'queue-flags' : 'queue-requests',
            );
          }}
        />
      )}
      <Toast toast={toast} />
    </div>
  );
}
