// First: before any module makes a zod schema.
import './zod-without-eval';
import 'leaflet/dist/leaflet.css';
import './styles.css';
import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { createConsoleI18n, savedLocale, saveLocale } from './i18n';
import { createConsoleRouter } from './router';

const pinia = createPinia();
const i18n = createConsoleI18n();
saveLocale(savedLocale());

createApp(App).use(pinia).use(i18n).use(createConsoleRouter(pinia)).mount('#app');
