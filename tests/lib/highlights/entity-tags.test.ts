import { describe, expect, test } from 'vitest';
import { bundledFactbase } from '../../../lib/factbase/bundled';
import { entityTagResolver, noEntityTags, tagKey } from '../../../lib/highlights/entity-tags';

const resolve = entityTagResolver(bundledFactbase().entities);

describe('tags that name a fact-base entity', () => {
  test.each([
    ['Gazprom', 'gazprom'],
    ['gazprom', 'gazprom'],
    ['GAZPROM', 'gazprom'],
    ['  Gazprom ', 'gazprom'],
    ['Газпром', 'gazprom'],
    ['cnpc', 'cnpc'],
    ['China National Petroleum Corp', 'cnpc'],
    ['Power of Siberia', 'power-of-siberia'],
    ['power-of-siberia', 'power-of-siberia'],
    ['power_of_siberia', 'power-of-siberia'],
    ['Сила Сибири', 'power-of-siberia'],
    ['西伯利亚力量', 'power-of-siberia'],
    ['President Xi', 'xi-jinping'],
    ['习近平', 'xi-jinping'],
    ['vladimir putin', 'vladimir-putin'],
    ["People's Republic of China", 'china'],
    ['People’s Republic of China', 'china'],
    ['ＰＲＣ', 'china'],
  ])('%s → %s', (tag, id) => {
    expect(resolve(tag)).toBe(id);
  });

  test.each(['pipelines', 'to-read', 'gas price', 'Gazprom Neft?', '', '   ', 'Siberia power'])(
    '%j names no entity',
    (tag) => {
      expect(resolve(tag)).toBeNull();
    },
  );

  test('a tag two entities share names neither', () => {
    const r = entityTagResolver([
      { id: 'mir-station', name: 'Mir space station', aliases: ['Mir'] },
      { id: 'mir-payment-system', name: 'Mir payment system', aliases: ['Mir', 'Mir cards'] },
    ]);
    expect(r('mir')).toBeNull();
    expect(r('Mir cards')).toBe('mir-payment-system');
  });

  test('without entities every tag stays a tag', () => {
    expect(noEntityTags('Gazprom')).toBeNull();
  });

  test('the comparison key folds case, width, apostrophes and word joiners', () => {
    expect(tagKey('Power_of-Siberia')).toBe('power of siberia');
    expect(tagKey('Ｓ－４００')).toBe('s 400');
    expect(tagKey('Xi’s')).toBe("xi's");
  });
});
