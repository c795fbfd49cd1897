import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../components/Popup';
import { message, type MessageApi } from '../../lib/messages';
import './style.css';

const searchApi = async (query: string) =>
  (await browser.runtime.sendMessage(message('search', { query }))) as MessageApi['search']['response'];

render(<Popup search={searchApi} />, document.getElementById('app')!);
