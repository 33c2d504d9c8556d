import type { Entity, Meta, TopicId } from '../../lib/factbase/schema';
import { setTopicOn, type Settings } from '../../lib/settings/model';
import { useT } from '../i18n';
import { Switch } from '../ui/Switch';
import { topicLabel } from '../ui/labels';
import { Section } from './Section';

export function TopicsSection(props: {
  settings: Settings;
  meta: Meta;
  entities: readonly Entity[];
  onUpdate: (change: (s: Settings) => Settings) => Promise<void>;
}) {
  const t = useT();
  const counts = new Map<string, number>();
  for (const e of props.entities) for (const topic of e.topics) counts.set(topic, (counts.get(topic) ?? 0) + 1);
  return (
    <Section id="topics" title={t('options_topics_title')} intro={t('options_topics_intro')}>
      <ul class="options__grid">
        {props.meta.topics.map((topic) => (
          <li key={topic.id}>
            <Switch
              id={`topic-${topic.id}`}
              checked={!props.settings.topicsOff.includes(topic.id)}
              label={t('options_topic_switch', [
                topicLabel(t, topic.id, topic.label),
                String(counts.get(topic.id) ?? 0),
              ])}
              onChange={(on) => void props.onUpdate((s) => setTopicOn(s, topic.id as TopicId, on))}
            />
          </li>
        ))}
      </ul>
    </Section>
  );
}
