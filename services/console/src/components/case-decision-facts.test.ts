/** The side panel's facts of a case: the reporter's answers to the category's questions, in the screen's language. */
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { aCase, fakeApi } from '../test-support/fake-api';
import { mountWithApp } from '../test-support/mount';
import CaseDecisionFacts from './CaseDecisionFacts.vue';

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the decision facts', () => {
  it('show the answers to the questions, in Chinese and in English', async () => {
    const item = aCase({ id: 'case-answers', source: 'public', categoryCode: 'C0402' });
    fakeApi({
      'GET /api/cases/case-answers': () => ({
        json: {
          ...item,
          timeline: [],
          names: { district: null, people: {} },
          answers: [
            {
              code: 'trunk_diameter',
              question: '树干直径',
              questionEn: 'Trunk diameter',
              value: '35',
              answer: '35',
              answerEn: '35',
            },
            {
              code: 'blocking',
              question: '是否影响通行',
              questionEn: 'Does it block the way?',
              value: 'yes',
              answer: '是',
              answerEn: 'Yes',
            },
          ],
        },
      }),
    });
    const wrapper = mountWithApp(CaseDecisionFacts, { props: { item } });
    await flushPromises();
    const blocking = () => wrapper.find('[data-answer="blocking"]');
    expect(blocking().text()).toBe('是');
    expect(wrapper.text()).toContain('是否影响通行');
    expect(wrapper.find('[data-answer="trunk_diameter"]').text()).toBe('35');
    (wrapper.vm.$i18n as unknown as { locale: string }).locale = 'en';
    await flushPromises();
    expect(blocking().text()).toBe('Yes');
    expect(wrapper.text()).toContain('Does it block the way?');
  });
});
